/**
 * A new progress report on a milestone or on the commitment (or a correction of an earlier one):
 * date, status on the OGP's completion scale, what was done, difficulties, next steps, evidence
 * links, and on the commitment its results and whether it opened government. The core validates
 * it and signs it; each refusal shows under its field and nothing is stored.
 */
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useState, type FormEvent } from "react";
import type { EvidenceLink, Failure, OpenedGovernment, ProgressStatus, Report, ReportInput } from "../../../core/bindings";
import { toFailure } from "../../../core/backend";
import { useBackend } from "../../backendContext";
import { useLocale, useT } from "../../i18n";
import { today } from "../../i18n/dates";
import { formatDate } from "../../i18n/format";
import { DateField } from "../../shared/DateField";
import { FailureAlert } from "../../shared/FailureAlert";
import { errorState, fieldErrors } from "../../shared/fieldErrors";

const STATUSES: ProgressStatus[] = ["notStarted", "limited", "substantial", "complete", "withdrawn"];
const OPENED: OpenedGovernment[] = ["worsens", "didNotChange", "marginal", "major", "outstanding", "noEarlyResultsYet"];

export function ReportForm(props: {
    /** Prefix of the fields' ids (`report-<milestone id or commitment>`). */
    idPrefix: string;
    commitmentId: string;
    milestoneId: string | null;
    /** The heading: which milestone, or the commitment, or the entry corrected. */
    title: string;
    /** An entry to correct: the form starts from it. */
    corrects: Report | null;
    onSaved: (report: Report) => void;
    onCancel: () => void;
}) {
    const t = useT();
    const p = t.progress;
    const locale = useLocale();
    const backend = useBackend();
    const start = props.corrects;
    const [input, setInput] = useState<ReportInput>({
        commitmentId: props.commitmentId,
        milestoneId: props.milestoneId,
        reportedOn: start?.reportedOn ?? today(),
        status: start?.status ?? null,
        done: start?.done ?? "",
        difficulties: start?.difficulties ?? "",
        nextSteps: start?.nextSteps ?? "",
        results: start?.results ?? "",
        openedGovernment: start?.openedGovernment ?? null,
        links: start?.links ?? [],
        files: start?.files ?? [],
        corrects: start?.id ?? null
    });
    const [failure, setFailure] = useState<Failure | null>(null);
    const [busy, setBusy] = useState(false);
    const [attachFailure, setAttachFailure] = useState<Failure | null>(null);
    const errors = { ...fieldErrors(failure), ...fieldErrors(attachFailure) };
    const id = (field: string) => `${props.idPrefix}-${field}`;
    const onCommitment = props.milestoneId === null;
    const setText = (field: "done" | "difficulties" | "nextSteps" | "results") => (e: { target: { value: string } }) =>
        setInput(current => ({ ...current, [field]: e.target.value }));
    const setLink = (index: number, part: keyof EvidenceLink, value: string) =>
        setInput(current => ({
            ...current,
            links: current.links.map((link, i) => (i === index ? { ...link, [part]: value } : link))
        }));

    async function attach() {
        try {
            const file = await backend.attachEvidenceFile();
            setAttachFailure(null);
            if (file !== null) {
                setInput(current =>
                    current.files.some(f => f.sha256 === file.sha256) ? current : { ...current, files: [...current.files, file] }
                );
            }
        } catch (error) {
            setAttachFailure(toFailure(error));
        }
    }

    async function submit(e: FormEvent) {
        e.preventDefault();
        setBusy(true);
        try {
            const report = await backend.reportProgress(input);
            setFailure(null);
            props.onSaved(report);
        } catch (error) {
            const refused = toFailure(error);
            setFailure(refused);
            const first = refused.fields[0]?.field;
            if (first) document.getElementById(id(first === "links" ? "link-0-url" : first))?.focus();
        } finally {
            setBusy(false);
        }
    }

    const area = (field: "done" | "difficulties" | "nextSteps" | "results", label: string) => (
        <Input
            label={label}
            textArea
            {...errorState(errors[field])}
            nativeTextAreaProps={{ id: id(field), rows: 3, value: input[field], onChange: setText(field) }}
        />
    );

    return (
        <form className="po-report-form" onSubmit={submit} noValidate aria-labelledby={id("heading")}>
            <h4 id={id("heading")} className="fr-h6">
                {props.title}
            </h4>
            {start && (
                <p className="fr-text--sm po-muted">{p.correctionOf(formatDate(start.reportedOn, locale))}</p>
            )}
            <FailureAlert failure={failure && failure.code !== "validation" ? failure : null} as="h4" />
            <div className="fr-grid-row fr-grid-row--gutters po-fields">
                <div className="fr-col-12 fr-col-md-5">
                    <DateField
                        id={id("reportedOn")}
                        label={p.reportedOn}
                        hint={p.reportedOnHint}
                        error={errors.reportedOn}
                        value={input.reportedOn}
                        onChange={reportedOn => setInput(current => ({ ...current, reportedOn }))}
                        required
                    />
                </div>
                <div className="fr-col-12 fr-col-md-7">
                    <RadioButtons
                        legend={p.status}
                        hintText={p.statusHint}
                        name={id("status")}
                        small
                        {...errorState(errors.status)}
                        options={STATUSES.map(status => ({
                            label: p.statuses[status],
                            nativeInputProps: {
                                value: status,
                                checked: input.status === status,
                                onChange: () => setInput(current => ({ ...current, status }))
                            }
                        }))}
                    />
                </div>
            </div>
            {area("done", p.done)}
            {area("difficulties", p.difficulties)}
            {area("nextSteps", p.nextSteps)}
            {onCommitment && area("results", p.results)}
            {onCommitment && (
                <Select
                    label={p.openedGovernment}
                    nativeSelectProps={{
                        id: id("openedGovernment"),
                        value: input.openedGovernment ?? "",
                        onChange: e =>
                            setInput(current => ({
                                ...current,
                                openedGovernment: e.target.value === "" ? null : (e.target.value as OpenedGovernment)
                            }))
                    }}
                >
                    <option value="">{p.openedGovernmentNone}</option>
                    {OPENED.map(value => (
                        <option key={value} value={value}>
                            {p.openedGovernmentScale[value]}
                        </option>
                    ))}
                </Select>
            )}
            <fieldset className="fr-fieldset po-links" aria-describedby={id("links-hint")}>
                <legend className="fr-fieldset__legend fr-text--regular">
                    {p.links}
                    <span id={id("links-hint")} className="fr-hint-text">
                        {p.linksHint}
                    </span>
                </legend>
                {errors.links && (
                    <p id={id("links-error")} className="fr-error-text fr-mt-0 fr-mb-2w" role="alert">
                        {errors.links}
                    </p>
                )}
                {input.links.map((link, index) => (
                    <div key={index} className="po-link-row" role="group" aria-label={p.link(index + 1)}>
                        <Input
                            className="po-link-row__title"
                            label={p.linkTitle}
                            nativeInputProps={{ id: id(`link-${index}-title`), value: link.title, onChange: e => setLink(index, "title", e.target.value) }}
                        />
                        <Input
                            className="po-link-row__url"
                            label={p.linkUrl}
                            nativeInputProps={{
                                id: id(`link-${index}-url`),
                                type: "url",
                                inputMode: "url",
                                placeholder: "https://",
                                value: link.url,
                                onChange: e => setLink(index, "url", e.target.value)
                            }}
                        />
                        <Button
                            type="button"
                            priority="tertiary no outline"
                            iconId="fr-icon-close-line"
                            title={p.removeLink(index + 1)}
                            onClick={() => setInput(current => ({ ...current, links: current.links.filter((_, i) => i !== index) }))}
                        >
                            {p.removeLink(index + 1)}
                        </Button>
                    </div>
                ))}
                <Button
                    type="button"
                    priority="secondary"
                    size="small"
                    iconId="fr-icon-link"
                    id={id("add-link")}
                    onClick={() => {
                        setInput(current => ({ ...current, links: [...current.links, { title: "", url: "" }] }));
                        requestAnimationFrame(() => document.getElementById(id(`link-${input.links.length}-title`))?.focus());
                    }}
                >
                    {p.addLink}
                </Button>
            </fieldset>
            <fieldset className="fr-fieldset po-links" aria-describedby={id("files-hint")}>
                <legend className="fr-fieldset__legend fr-text--regular">
                    {p.files}
                    <span id={id("files-hint")} className="fr-hint-text">
                        {p.filesHint}
                    </span>
                </legend>
                {errors.files && (
                    <p id={id("files-error")} className="fr-error-text fr-mt-0 fr-mb-2w" role="alert">
                        {errors.files}
                    </p>
                )}
                {input.files.length > 0 && (
                    <ul className="po-files-list">
                        {input.files.map(file => (
                            <li key={file.sha256}>
                                <span className="fr-icon-file-line fr-icon--sm" aria-hidden="true" /> {file.name}{" "}
                                <span className="po-muted">({p.size(file.size)})</span>
                                <Button
                                    type="button"
                                    priority="tertiary no outline"
                                    size="small"
                                    iconId="fr-icon-close-line"
                                    title={p.removeFile(file.name)}
                                    onClick={() => setInput(current => ({ ...current, files: current.files.filter(f => f.sha256 !== file.sha256) }))}
                                >
                                    {p.removeFile(file.name)}
                                </Button>
                            </li>
                        ))}
                    </ul>
                )}
                <Button type="button" priority="secondary" size="small" iconId="fr-icon-attachment-line" id={id("attach")} onClick={() => void attach()}>
                    {p.attachFile}
                </Button>
            </fieldset>
            <div className="po-form-actions">
                <Button id={id("submit")} type="submit" iconId="fr-icon-save-line" disabled={busy}>
                    {p.submit}
                </Button>
                <Button type="button" priority="secondary" onClick={props.onCancel}>
                    {p.cancel}
                </Button>
            </div>
        </form>
    );
}
