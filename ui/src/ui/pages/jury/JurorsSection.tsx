/**
 * The session's jurors: how many out of 15, each with the sheets they handed in (counted, never
 * their scores), added by the name or pseudonym they chose, renamed in place, removed after a
 * confirmation that says how many sheets go with them. The sixteenth is refused by the backend,
 * whose message shows under the field.
 */
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { createModal } from "@codegouvfr/react-dsfr/Modal";
import { useState, type FormEvent } from "react";
import type { Failure, JuryDetail, JurorView } from "../../../core/bindings";
import { toFailure } from "../../../core/backend";
import { JURY_LIMITS } from "../../../core/commands";
import { useBackend } from "../../backendContext";
import { useT } from "../../i18n";
import { ConfirmModal } from "../../shared/ConfirmModal";
import { DataTable } from "../../shared/DataTable";
import { FailureAlert } from "../../shared/FailureAlert";
import { errorState, fieldErrors } from "../../shared/fieldErrors";
import { openModal } from "../../shared/modalFocus";
import { changeThenReload } from "./change";
import { RowButton } from "./RowButton";

const removeJurorModal = createModal({ id: "juror-remove-modal", isOpenedByDefault: false });

export function JurorsSection(props: { detail: JuryDetail; reload: () => Promise<void> }) {
    const t = useT();
    const j = t.jury;
    const l = t.juryLabels;
    const backend = useBackend();
    const { detail } = props;
    const readOnly = detail.readOnly !== null;
    const applications = detail.applications.length;
    const [name, setName] = useState("");
    const [failure, setFailure] = useState<Failure | null>(null);
    const [renaming, setRenaming] = useState<string | null>(null);
    const [removing, setRemoving] = useState<JurorView | null>(null);
    const [busy, setBusy] = useState(false);
    const errors = fieldErrors(failure);

    async function add(e: FormEvent) {
        e.preventDefault();
        setBusy(true);
        try {
            await backend.addJuror(detail.session.id, { name });
            setName("");
            setFailure(null);
            await props.reload();
        } catch (error) {
            setFailure(toFailure(error));
        } finally {
            setBusy(false);
            document.getElementById("juror-name")?.focus();
        }
    }

    const remove = (view: JurorView) => changeThenReload(() => backend.removeJuror(view.juror.id), props.reload, "jurors-title", setFailure);

    return (
        <section aria-labelledby="jurors-title" id="jurors">
            <h2 id="jurors-title" className="fr-h4" tabIndex={-1}>
                {j.jurorsCount(detail.jurors.length, JURY_LIMITS.jurorsMax)}
            </h2>
            <FailureAlert failure={failure && failure.code !== "validation" ? failure : null} as="h3" onClose={() => setFailure(null)} />
            {!readOnly && (
                <form className="po-inline-form fr-mb-3w" onSubmit={add} noValidate id="juror-add-form">
                    <Input
                        label={l.jurorName}
                        hintText={l.jurorsHint}
                        {...errorState(errors.name)}
                        nativeInputProps={{ id: "juror-name", value: name, autoComplete: "off", onChange: e => setName(e.target.value) }}
                    />
                    <Button id="juror-add" type="submit" iconId="fr-icon-user-add-line" disabled={busy}>
                        {j.addJuror}
                    </Button>
                </form>
            )}
            {detail.jurors.length === 0 ? (
                <p className="po-muted" id="jurors-none">
                    {j.noJurors}
                </p>
            ) : (
                <DataTable
                    id="jurors-table"
                    caption={j.jurorsCaption}
                    hiddenCaption
                    headers={readOnly ? [j.jurorColumns.name, j.jurorColumns.sheets] : [j.jurorColumns.name, j.jurorColumns.sheets, j.jurorColumns.actions]}
                    rows={detail.jurors.map((view, index) => ({
                        key: view.juror.id,
                        cells: [
                            renaming === view.juror.id ? (
                                <RenameJuror
                                    key="name"
                                    view={view}
                                    onDone={async renamed => {
                                        setRenaming(null);
                                        if (renamed) await props.reload();
                                        document.getElementById(`juror-rename-${index}`)?.focus();
                                    }}
                                />
                            ) : (
                                <span key="name" className="fr-text--bold">
                                    {view.juror.name}
                                </span>
                            ),
                            j.sheetsOf(view.sheets, applications),
                            ...(readOnly
                                ? []
                                : [
                                      <span key="actions" className="po-row-actions">
                                          <RowButton
                                              id={`juror-rename-${index}`}
                                              iconId="fr-icon-edit-line"
                                              text={j.rename}
                                              label={j.renameLabel(view.juror.name)}
                                              onClick={() => setRenaming(view.juror.id)}
                                          />
                                          <RowButton
                                              id={`juror-remove-${index}`}
                                              iconId="fr-icon-delete-line"
                                              text={j.removeJuror}
                                              label={j.removeJurorLabel(view.juror.name)}
                                              onClick={() => {
                                                  setRemoving(view);
                                                  openModal(removeJurorModal);
                                              }}
                                          />
                                      </span>
                                  ])
                        ]
                    }))}
                />
            )}
            <ConfirmModal
                modal={removeJurorModal}
                title={j.removeJurorTitle}
                message={removing ? j.removeJurorConfirm(removing.juror.name, removing.sheets) : ""}
                confirmLabel={j.removeJuror}
                onConfirm={() => {
                    if (removing) void remove(removing);
                }}
            />
        </section>
    );
}

/** A juror's name changed in place; Escape leaves it as it was. */
function RenameJuror(props: { view: JurorView; onDone: (renamed: boolean) => void }) {
    const t = useT();
    const backend = useBackend();
    const [name, setName] = useState(props.view.juror.name);
    const [failure, setFailure] = useState<Failure | null>(null);
    const errors = fieldErrors(failure);

    async function save(e: FormEvent) {
        e.preventDefault();
        try {
            await backend.renameJuror(props.view.juror.id, { name });
            props.onDone(true);
        } catch (error) {
            setFailure(toFailure(error));
        }
    }

    return (
        <form className="po-inline-form" onSubmit={save} noValidate onKeyDown={e => e.key === "Escape" && props.onDone(false)}>
            <Input
                label={t.jury.renameLabel(props.view.juror.name)}
                {...errorState(errors.name ?? (failure && failure.code !== "validation" ? failure.message : undefined))}
                nativeInputProps={{ id: "juror-rename-name", value: name, autoFocus: true, onChange: e => setName(e.target.value) }}
            />
            <Button type="submit" size="small" iconId="fr-icon-save-line" id="juror-rename-save">
                {t.jury.save}
            </Button>
            <Button type="button" size="small" priority="secondary" onClick={() => props.onDone(false)}>
                {t.jury.cancel}
            </Button>
        </form>
    );
}
