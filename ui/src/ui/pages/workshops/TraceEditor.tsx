/**
 * What became of one contribution, and the editor that says it: the outcome (kept, merged, not
 * kept, or still to examine), the reason (the core requires it for merged and not kept), and the
 * commitments and milestones it fed, chosen among the plan's with a filtered list. Each refusal
 * is shown under its field.
 */
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useState, type FormEvent } from "react";
import type { ContributionOutcome, ContributionView, Failure, PlanTarget, TraceInput } from "../../../core/bindings";
import { toFailure } from "../../../core/backend";
import { useBackend } from "../../backendContext";
import { useT, type Messages } from "../../i18n";
import { href } from "../../router";
import { FailureAlert } from "../../shared/FailureAlert";
import { RadioGroup } from "../../shared/RadioGroup";
import { TargetPicker } from "../../shared/TargetPicker";
import { errorState, fieldErrors } from "../../shared/fieldErrors";

type Choice = ContributionOutcome | "undecided";
const CHOICES: Choice[] = ["kept", "merged", "notKept", "undecided"];

/** The outcome's word ("Retenue", … "À examiner"). */
export function outcomeLabel(t: Messages, outcome: ContributionOutcome | null): string {
    return t.workshopLabels[outcome ?? "undecided"];
}

export function TraceEditor(props: {
    view: ContributionView;
    targets: readonly PlanTarget[];
    /** Why it may not be changed here (read-only): the editor is not offered. */
    readOnly: boolean;
    onSaved: () => Promise<void>;
}) {
    const t = useT();
    const w = t.workshops;
    const l = t.workshopLabels;
    const backend = useBackend();
    const { contribution, fed } = props.view;
    const [editing, setEditing] = useState(false);
    const [input, setInput] = useState<TraceInput>(() => traceOf(props.view));
    const [failure, setFailure] = useState<Failure | null>(null);
    const [busy, setBusy] = useState(false);
    const errors = fieldErrors(failure);
    const prefix = `trace-${contribution.id}`;

    function open() {
        setInput(traceOf(props.view));
        setFailure(null);
        setEditing(true);
        // The first field: the outcome chosen.
        setTimeout(() => document.querySelector<HTMLInputElement>(`#${prefix}-outcome input:checked`)?.focus(), 0);
    }

    function close() {
        setEditing(false);
        setTimeout(() => document.getElementById(`${prefix}-open`)?.focus(), 0);
    }

    async function submit(e: FormEvent) {
        e.preventDefault();
        setBusy(true);
        try {
            await backend.traceContribution(contribution.id, input);
            setFailure(null);
            await props.onSaved();
            close();
        } catch (error) {
            const refused = toFailure(error);
            setFailure(refused);
            const first = refused.fields[0]?.field;
            const target =
                first === "outcomeReason"
                    ? document.getElementById(`${prefix}-outcomeReason`)
                    : first === "commitmentIds" || first === "milestoneIds"
                      ? document.getElementById(`${prefix}-fed-filter`)
                      : null;
            target?.focus();
        } finally {
            setBusy(false);
        }
    }

    if (!editing) {
        return (
            <div className="po-trace" id={prefix}>
                <p className="fr-mb-1v">
                    <span className={`fr-badge fr-badge--sm fr-badge--no-icon ${badgeClass(contribution.outcome)}`}>
                        {w.outcomeLine(outcomeLabel(t, contribution.outcome))}
                    </span>
                </p>
                {contribution.outcomeReason !== "" && (
                    <p className="fr-text--sm fr-mb-1v po-prewrap">
                        {l.outcomeReason} : {contribution.outcomeReason}
                    </p>
                )}
                {fed.length > 0 && (
                    <div className="fr-text--sm fr-mb-1v">
                        {w.fedLine}
                        <ul className="fr-list fr-mb-0">
                            {fed.map(target => (
                                <li key={target.milestoneId ?? target.commitmentId}>
                                    <a className="fr-link fr-text--sm" href={href.commitment(target.commitmentId)}>
                                        {numbered(props.targets, target.milestoneId ?? target.commitmentId, target.title)}
                                    </a>
                                </li>
                            ))}
                        </ul>
                    </div>
                )}
                {!props.readOnly && (
                    <Button
                        priority="secondary"
                        size="small"
                        iconId="fr-icon-edit-line"
                        id={`${prefix}-open`}
                        onClick={open}
                    >
                        {contribution.outcome === null && fed.length === 0 ? w.trace : w.retrace}
                    </Button>
                )}
            </div>
        );
    }

    const outcomeOf = (choice: Choice): ContributionOutcome | null => (choice === "undecided" ? null : choice);
    return (
        <form className="po-report-form po-trace" id={prefix} onSubmit={submit} noValidate aria-labelledby={`${prefix}-heading`}>
            <h4 id={`${prefix}-heading`} className="fr-h6 fr-mb-2w">
                {w.traceTitle(short(contribution.text))}
            </h4>
            <FailureAlert failure={failure && failure.code !== "validation" ? failure : null} as="h4" />
            <RadioGroup<Choice>
                id={`${prefix}-outcome`}
                legend={l.outcome}
                inline
                options={CHOICES.map(choice => ({ value: choice, label: l[choice] }))}
                value={input.outcome ?? "undecided"}
                onChange={choice => setInput({ ...input, outcome: outcomeOf(choice) })}
                error={errors.outcome}
            />
            <Input
                label={l.outcomeReason}
                hintText={w.reasonHint}
                textArea
                {...errorState(errors.outcomeReason)}
                nativeTextAreaProps={{
                    id: `${prefix}-outcomeReason`,
                    rows: 3,
                    value: input.outcomeReason,
                    onChange: e => setInput({ ...input, outcomeReason: e.target.value })
                }}
            />
            <TargetPicker
                id={`${prefix}-fed`}
                legend={l.fed}
                hint={w.fedHint}
                targets={props.targets}
                value={{ commitmentIds: input.commitmentIds, milestoneIds: input.milestoneIds }}
                onChange={choice => setInput({ ...input, ...choice })}
                error={errors.commitmentIds ?? errors.milestoneIds}
            />
            <div className="po-form-actions">
                <Button type="submit" iconId="fr-icon-save-line" id={`${prefix}-save`} disabled={busy}>
                    {w.traceSave}
                </Button>
                <Button type="button" priority="secondary" onClick={close}>
                    {w.cancel}
                </Button>
            </div>
        </form>
    );
}

function traceOf(view: ContributionView): TraceInput {
    const c = view.contribution;
    return { outcome: c.outcome, outcomeReason: c.outcomeReason, commitmentIds: c.commitmentIds, milestoneIds: c.milestoneIds };
}

function badgeClass(outcome: ContributionOutcome | null): string {
    switch (outcome) {
        case "kept":
            return "fr-badge--success";
        case "merged":
            return "fr-badge--info";
        case "notKept":
            return "fr-badge--warning";
        case null:
            return "fr-badge--new";
    }
}

/** `2.3 — title`, with the core's number when the plan still holds it. */
export function numbered(targets: readonly PlanTarget[], id: string, title: string): string {
    const target = targets.find(x => (x.milestoneId ?? x.commitmentId) === id);
    return target ? `${target.number} — ${title}` : title;
}

/** A contribution's first words, to name it in a heading or a button. */
export function short(text: string, max = 60): string {
    const line = text.replace(/\s+/g, " ").trim();
    return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}
