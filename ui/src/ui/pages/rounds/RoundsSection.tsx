/**
 * The plan's reporting rounds on its dashboard: each round with its dates, leading to its
 * follow-up; the coordination opens a new one here (kind, title, opening, due date, what it asks).
 */
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { useState, type FormEvent } from "react";
import type { Failure, Round, RoundInput, RoundKind } from "../../../core/bindings";
import { toFailure } from "../../../core/backend";
import { useBackend } from "../../backendContext";
import { useLocale, useT } from "../../i18n";
import { today } from "../../i18n/dates";
import { formatDate } from "../../i18n/format";
import { href, navigate } from "../../router";
import { DateField } from "../../shared/DateField";
import { FailureAlert } from "../../shared/FailureAlert";
import { errorState, fieldErrors } from "../../shared/fieldErrors";
import { LoadFailure } from "../../shared/LoadFailure";
import { Loading } from "../../shared/Loading";
import { useLoad } from "../../shared/useLoad";

const KINDS: RoundKind[] = ["midTerm", "endOfTerm", "other"];

export function RoundsSection(props: { planId: string }) {
    const t = useT();
    const r = t.rounds;
    const locale = useLocale();
    const backend = useBackend();
    const load = useLoad(
        async () => ({ rounds: await backend.listRounds(props.planId), access: await backend.getStructureAccess() }),
        [backend, props.planId]
    );
    const [opening, setOpening] = useState(false);
    if (load.data === undefined) return load.failure ? <LoadFailure failure={load.failure} /> : <Loading />;
    const { rounds, access } = load.data;
    return (
        <section aria-labelledby="rounds-title" className="po-chart-section" id="rounds">
            <div className="po-progress-block__head">
                <h2 id="rounds-title" className="fr-h4 fr-mb-0">
                    {r.title}
                </h2>
                {access === null && !opening && (
                    <Button priority="secondary" size="small" iconId="fr-icon-add-line" id="round-open" onClick={() => setOpening(true)}>
                        {r.open}
                    </Button>
                )}
            </div>
            <p className="po-measure fr-text--sm po-muted">{r.intro}</p>
            {opening && (
                <RoundForm
                    planId={props.planId}
                    onSaved={round => navigate(href.round(round.id))}
                    onCancel={() => setOpening(false)}
                />
            )}
            {rounds.length === 0 ? (
                <p className="po-muted">{r.none}</p>
            ) : (
                <ul className="po-rounds">
                    {rounds.map(round => (
                        <li key={round.id}>
                            <a className="fr-link" href={href.round(round.id)}>
                                {round.title}
                            </a>{" "}
                            <span className="po-muted fr-text--sm">
                                {r.kinds[round.kind]} — {r.dates(formatDate(round.opensOn, locale), formatDate(round.dueOn, locale))}
                            </span>
                        </li>
                    ))}
                </ul>
            )}
        </section>
    );
}

/** Opens a round, or changes one (`round` given). */
export function RoundForm(props: { planId: string; round?: Round; onSaved: (round: Round) => void; onCancel: () => void }) {
    const t = useT();
    const r = t.rounds;
    const backend = useBackend();
    const [input, setInput] = useState<RoundInput>(
        props.round
            ? { ...props.round }
            : { kind: "midTerm", title: r.defaultTitle.midTerm, opensOn: today(), dueOn: "", instructions: "" }
    );
    const [failure, setFailure] = useState<Failure | null>(null);
    const [busy, setBusy] = useState(false);
    const errors = fieldErrors(failure);

    async function submit(e: FormEvent) {
        e.preventDefault();
        setBusy(true);
        try {
            const saved = props.round ? await backend.updateRound(props.round.id, input) : await backend.createRound(props.planId, input);
            props.onSaved(saved);
        } catch (error) {
            const refused = toFailure(error);
            setFailure(refused);
            const first = refused.fields[0]?.field;
            if (first) document.getElementById(`round-${first}`)?.focus();
        } finally {
            setBusy(false);
        }
    }

    return (
        <form className="po-report-form" onSubmit={submit} noValidate aria-labelledby="round-form-heading">
            <h3 id="round-form-heading" className="fr-h6">
                {props.round ? r.editTitle : r.open}
            </h3>
            <FailureAlert failure={failure && failure.code !== "validation" ? failure : null} as="h4" />
            <RadioButtons
                legend={r.kind}
                name="round-kind"
                orientation="horizontal"
                options={KINDS.map(kind => ({
                    label: r.kinds[kind],
                    nativeInputProps: {
                        checked: input.kind === kind,
                        onChange: () =>
                            setInput(current => ({
                                ...current,
                                kind,
                                // The title follows the kind until the person writes their own.
                                title: Object.values(r.defaultTitle).includes(current.title) ? r.defaultTitle[kind] : current.title
                            }))
                    }
                }))}
            />
            <Input
                label={r.titleLabel}
                {...errorState(errors.title)}
                nativeInputProps={{ id: "round-title", value: input.title, onChange: e => setInput({ ...input, title: e.target.value }) }}
            />
            <div className="fr-grid-row fr-grid-row--gutters po-fields">
                <div className="fr-col-12 fr-col-md-6">
                    <DateField
                        id="round-opensOn"
                        label={r.opensOn}
                        hint={r.opensOnHint}
                        error={errors.opensOn}
                        value={input.opensOn}
                        onChange={opensOn => setInput(current => ({ ...current, opensOn }))}
                        required
                    />
                </div>
                <div className="fr-col-12 fr-col-md-6">
                    <DateField
                        id="round-dueOn"
                        label={r.dueOn}
                        error={errors.dueOn}
                        value={input.dueOn}
                        onChange={dueOn => setInput(current => ({ ...current, dueOn }))}
                        required
                    />
                </div>
            </div>
            <Input
                label={r.instructions}
                hintText={r.instructionsHint}
                textArea
                {...errorState(errors.instructions)}
                nativeTextAreaProps={{
                    id: "round-instructions",
                    rows: 3,
                    value: input.instructions,
                    onChange: e => setInput({ ...input, instructions: e.target.value })
                }}
            />
            <div className="po-form-actions">
                <Button id="round-submit" type="submit" iconId="fr-icon-save-line" disabled={busy}>
                    {props.round ? r.save : r.submit}
                </Button>
                <Button type="button" priority="secondary" onClick={props.onCancel}>
                    {t.progress.cancel}
                </Button>
            </div>
        </form>
    );
}
