/**
 * One conflict: my version and theirs side by side (stacked on a narrow window), the merge
 * proposal for long texts, and the choices: keep mine, keep theirs, or save a text of one's own.
 */
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useState } from "react";
import type { ConflictChoice, ConflictView, Failure } from "../../../core/bindings";
import { toFailure } from "../../../core/backend";
import { useBackend } from "../../backendContext";
import { useLocale, useT } from "../../i18n";
import { errorState } from "../../shared/fieldErrors";
import { FailureAlert } from "../../shared/FailureAlert";
import { momentText } from "../../shared/syncTime";
import { fieldLabel } from "./labels";
import { RecordHead, TextBlock } from "./RecordHead";

export function ConflictCard(props: { conflict: ConflictView; now: Date; onResolved: (message: string) => void; onGone: () => void }) {
    const t = useT();
    const locale = useLocale();
    const backend = useBackend();
    const { conflict } = props;
    const i = t.sync.inbox;
    const id = `conflict-${conflict.id}`;
    const field = fieldLabel(t, conflict.recordKind, conflict.field);
    const [text, setText] = useState(conflict.proposed ?? conflict.mine);
    const [busy, setBusy] = useState(false);
    const [textError, setTextError] = useState<string | undefined>(undefined);
    const [failure, setFailure] = useState<Failure | null>(null);

    async function resolve(choice: ConflictChoice) {
        if (busy) return;
        setBusy(true);
        try {
            await backend.resolveConflict(conflict.id, choice);
            props.onResolved(i.resolved(field, conflict.recordTitle));
        } catch (error) {
            const refused = toFailure(error);
            if (refused.code === "validation" && choice.choice === "text") {
                setTextError(refused.fields[0]?.message ?? refused.message);
                setFailure(null);
                document.getElementById(`${id}-text`)?.focus();
            } else {
                setFailure(refused);
                if (refused.code === "notFound") props.onGone();
            }
        } finally {
            setBusy(false);
        }
    }

    const context = (choice: string) => i.keepOf(choice, field, conflict.recordTitle);

    return (
        <article className="po-sync-item" aria-labelledby={`${id}-title`} data-testid={id}>
            <RecordHead
                titleId={`${id}-title`}
                kind={conflict.recordKind}
                title={conflict.recordTitle}
                commitmentId={conflict.commitmentId}
                meta={
                    <>
                        <strong>{i.field(field)}</strong>
                        <span aria-hidden="true"> · </span>
                        <span>{i.conflictAt(momentText(t, conflict.at, props.now, locale))}</span>
                    </>
                }
            />
            <FailureAlert failure={failure} onClose={() => setFailure(null)} as="h4" />
            <div className="po-versions">
                <div className="po-version po-version--mine">
                    <h4 id={`${id}-mine-title`} className="po-version__title">
                        <span className="fr-icon-user-line fr-icon--sm" aria-hidden="true" /> {i.mine}
                    </h4>
                    <TextBlock text={conflict.mine} testId={`${id}-mine-text`} />
                </div>
                <div className="po-version po-version--theirs">
                    <h4 id={`${id}-theirs-title`} className="po-version__title">
                        <span className="fr-icon-team-line fr-icon--sm" aria-hidden="true" /> {i.theirs}
                    </h4>
                    <TextBlock text={conflict.theirs} testId={`${id}-theirs-text`} />
                </div>
                {conflict.proposed !== null && !conflict.editable && (
                    <div className="po-version po-version--proposed">
                        <h4 id={`${id}-proposed-title`} className="po-version__title">
                            {i.proposed}
                        </h4>
                        <TextBlock text={conflict.proposed} testId={`${id}-proposed-text`} />
                    </div>
                )}
            </div>
            <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left po-sync-item__actions">
                <li>
                    <Button
                        id={`${id}-mine`}
                        priority="secondary"
                        iconId="fr-icon-user-line"
                        onClick={() => void resolve({ choice: "mine" })}
                        nativeButtonProps={{ "aria-label": context(i.keepMine), "aria-disabled": busy }}
                    >
                        {i.keepMine}
                    </Button>
                </li>
                <li>
                    <Button
                        id={`${id}-theirs`}
                        priority="secondary"
                        iconId="fr-icon-team-line"
                        onClick={() => void resolve({ choice: "theirs" })}
                        nativeButtonProps={{ "aria-label": context(i.keepTheirs), "aria-disabled": busy }}
                    >
                        {i.keepTheirs}
                    </Button>
                </li>
            </ul>
            {conflict.editable && (
                <form
                    className="po-merge"
                    noValidate
                    onSubmit={e => {
                        e.preventDefault();
                        void resolve({ choice: "text", value: text });
                    }}
                >
                    <Input
                        label={conflict.proposed !== null ? i.proposed : i.textLabel}
                        hintText={conflict.proposed !== null ? i.textHintProposed : i.textHintMine}
                        textArea
                        {...errorState(textError)}
                        nativeTextAreaProps={{
                            id: `${id}-text`,
                            value: text,
                            rows: Math.min(16, Math.max(4, text.split("\n").length + 1)),
                            onChange: e => {
                                setText(e.target.value);
                                setTextError(undefined);
                            }
                        }}
                    />
                    <Button
                        id={`${id}-save`}
                        type="submit"
                        iconId="fr-icon-save-line"
                        nativeButtonProps={{ "aria-label": context(i.saveText), "aria-disabled": busy }}
                    >
                        {i.saveText}
                    </Button>
                </form>
            )}
        </article>
    );
}
