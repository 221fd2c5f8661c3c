/**
 * The follow-up of a commitment: how far along it is (with the rule of the figure), the
 * commitment's own account and each milestone's timeline, newest first, and the form to add an
 * entry or correct one. Entries are never edited: a correction is a new entry.
 */
import { Accordion } from "@codegouvfr/react-dsfr/Accordion";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useEffect, useRef, useState } from "react";
import type { CommitmentDetail, CommitmentProgress, EvidenceFile, Failure, FileAvailability, Institution, ProgressStatus, Report } from "../../../core/bindings";
import { toFailure } from "../../../core/backend";
import { useBackend } from "../../backendContext";
import { useLocale, useT } from "../../i18n";
import { formatDate } from "../../i18n/format";
import { LoadFailure } from "../../shared/LoadFailure";
import { Loading } from "../../shared/Loading";
import { useLoad } from "../../shared/useLoad";
import { ReportForm } from "./ReportForm";
import { WeightField } from "./WeightField";

/** Which form is open: on a milestone (its id) or on the commitment (`null`), maybe correcting an entry. */
type Open = { milestoneId: string | null; corrects: Report | null };

const SEVERITY: Record<ProgressStatus, "new" | "info" | "success" | "warning" | undefined> = {
    notStarted: undefined,
    limited: "new",
    substantial: "info",
    complete: "success",
    withdrawn: "warning"
};

/** `focusMilestone`: the milestone whose progress the screen was opened at, shown and focused once loaded. */
export function ProgressSection(props: { detail: CommitmentDetail; onWeightSaved: () => void; focusMilestone?: string }) {
    const backend = useBackend();
    const { commitment } = props.detail;
    // Read again whenever the commitment screen is (a sync, a weight changed).
    const load = useLoad(
        () => backend.getCommitmentProgress(commitment.id),
        [backend, commitment.id, commitment.leadInstitutionId, commitment.weight, props.detail.milestones]
    );
    if (load.data === undefined) return load.failure ? <LoadFailure failure={load.failure} /> : <Loading />;
    return (
        <ProgressView
            detail={props.detail}
            progress={load.data}
            reload={load.reload}
            onWeightSaved={props.onWeightSaved}
            focusMilestone={props.focusMilestone}
        />
    );
}

function ProgressView(props: {
    detail: CommitmentDetail;
    progress: CommitmentProgress;
    reload: () => Promise<void>;
    onWeightSaved: () => void;
    focusMilestone?: string;
}) {
    const t = useT();
    const p = t.progress;
    const backend = useBackend();
    const locale = useLocale();
    const { detail, progress } = props;
    const [open, setOpen] = useState<Open | null>(null);
    const [saved, setSaved] = useState(false);
    const signature = progress.signature;
    const canReport = signature.kind === "signed";
    const institutions = new Map(detail.institutions.map(i => [i.id, i]));
    // Opened at a milestone: its block in sight and its heading focused, once (the frame's own
    // focus on the screen's title may come first or after: `data-route-focus` wins either way).
    const focused = useRef(false);
    useEffect(() => {
        if (focused.current || props.focusMilestone === undefined) return;
        focused.current = true;
        const heading = document.getElementById(`progress-${props.focusMilestone}`);
        if (heading === null) return;
        heading.tabIndex = -1;
        heading.scrollIntoView({ block: "start" });
        heading.focus({ preventScroll: true });
    }, [props.focusMilestone]);
    const milestones = new Map(detail.milestones.map(m => [m.id, m]));

    async function onSaved() {
        setOpen(null);
        setSaved(true);
        await props.reload();
    }

    const form = (milestoneId: string | null, title: string) =>
        open !== null && open.milestoneId === milestoneId ? (
            <ReportForm
                idPrefix={`report-${milestoneId ?? "commitment"}`}
                commitmentId={detail.commitment.id}
                milestoneId={milestoneId}
                title={open.corrects ? p.formCorrection(formatDate(open.corrects.reportedOn, locale)) : title}
                corrects={open.corrects}
                onSaved={() => void onSaved()}
                onCancel={() => setOpen(null)}
            />
        ) : (
            canReport && (
                <Button
                    priority="secondary"
                    size="small"
                    iconId="fr-icon-edit-line"
                    id={`report-${milestoneId ?? "commitment"}-open`}
                    onClick={() => {
                        setSaved(false);
                        setOpen({ milestoneId, corrects: null });
                    }}
                >
                    {milestoneId === null ? p.reportCommitment : p.reportMilestone}
                </Button>
            )
        );
    const timeline = (reports: Report[], milestoneId: string | null) => (
        <Timeline
            reports={reports}
            files={progress.files}
            institutions={institutions}
            canCorrect={canReport}
            onCorrect={corrects => {
                setSaved(false);
                setOpen({ milestoneId, corrects });
            }}
        />
    );

    return (
        <>
            <p className="fr-text--sm po-muted">{p.intro}</p>
            <div className="po-progress-head">
                <ProgressMeter id="progress-commitment" percent={progress.percent} />
                <WeightField
                    id="commitment-weight"
                    hint={p.commitmentWeightHint}
                    value={progress.weight}
                    save={weight => backend.editCommitment(detail.commitment.id, { field: "weight", value: weight })}
                    onSaved={props.onWeightSaved}
                />
            </div>
            <Accordion label={p.ruleTitle} className="fr-mb-3w">
                <p id="progress-rule" className="fr-text--sm fr-mb-0">
                    {p.rule}
                </p>
            </Accordion>
            {signature.kind === "signed" ? (
                <p id="progress-signature" className="fr-text--sm">
                    {signature.onBehalf
                        ? p.signedOnBehalf(signature.authorName, signature.institutionName)
                        : p.signedAs(signature.authorName, signature.institutionName)}
                </p>
            ) : (
                <Alert id="progress-cannot-report" severity="info" small title={p.cannotReport} description={signature.reason} className="fr-mb-3w" />
            )}
            {saved && (
                <Alert id="progress-saved" severity="success" small description={p.saved} className="fr-mb-3w" closable onClose={() => setSaved(false)} />
            )}

            <section className="po-progress-block" aria-labelledby="progress-own">
                <div className="po-progress-block__head">
                    <h3 id="progress-own" className="fr-h6 fr-mb-0">
                        {p.ownAccount}
                    </h3>
                    <StatusBadge status={progress.status} />
                </div>
                {timeline(progress.reports, null)}
                {form(null, p.formCommitment)}
            </section>

            {progress.milestones.map(m => {
                const milestone = milestones.get(m.milestoneId);
                if (milestone === undefined) return null;
                const number = detail.milestoneNumbers[m.milestoneId] ?? "";
                return (
                    <section key={m.milestoneId} className="po-progress-block" aria-labelledby={`progress-${m.milestoneId}`}>
                        <div className="po-progress-block__head">
                            <h3
                                id={`progress-${m.milestoneId}`}
                                className="fr-h6 fr-mb-0 po-break"
                                {...(props.focusMilestone === m.milestoneId ? { "data-route-focus": "", tabIndex: -1 } : {})}
                            >
                                {t.milestones.heading(number)} — {milestone.title}
                            </h3>
                            <StatusBadge status={m.status} />
                            <ProgressMeter id={`progress-meter-${m.milestoneId}`} percent={m.percent} small />
                            <WeightField
                                id={`milestone-${m.milestoneId}-weight`}
                                hint={p.weightHint}
                                value={m.weight}
                                save={weight => backend.editMilestone(m.milestoneId, { field: "weight", value: weight })}
                                onSaved={props.onWeightSaved}
                            />
                        </div>
                        {timeline(m.reports, m.milestoneId)}
                        {form(m.milestoneId, p.formMilestone(number))}
                    </section>
                );
            })}
        </>
    );
}

export function StatusBadge(props: { status: ProgressStatus | null }) {
    const p = useT().progress;
    if (props.status === null) {
        return (
            <Badge as="span" small noIcon>
                {p.notReported}
            </Badge>
        );
    }
    const severity = SEVERITY[props.status];
    return (
        <Badge as="span" small noIcon={severity === undefined} severity={severity}>
            {p.statuses[props.status]}
        </Badge>
    );
}

/** A figure and its bar; the bar is drawing only, the figure says it. */
export function ProgressMeter(props: { id: string; percent: number | null; small?: boolean }) {
    const p = useT().progress;
    if (props.percent === null) {
        return (
            <p id={props.id} className="po-meter po-meter--withdrawn fr-mb-0">
                {p.withdrawn}
            </p>
        );
    }
    return (
        <div id={props.id} className={props.small ? "po-meter po-meter--small" : "po-meter"}>
            <span className="po-meter__figure">
                {props.small ? (
                    <>
                        <span className="fr-sr-only">{p.progress} </span>
                        {p.percent(props.percent)}
                    </>
                ) : (
                    p.meter(props.percent)
                )}
            </span>
            <span className="po-meter__bar" aria-hidden="true">
                <span className="po-meter__fill" style={{ width: `${props.percent}%` }} />
            </span>
        </div>
    );
}

function Timeline(props: {
    reports: Report[];
    files: CommitmentProgress["files"];
    institutions: Map<string, Institution>;
    canCorrect: boolean;
    onCorrect: (report: Report) => void;
}) {
    const t = useT();
    const p = t.progress;
    const locale = useLocale();
    if (props.reports.length === 0) return <p className="fr-text--sm po-muted">{p.noReports}</p>;
    const byId = new Map(props.reports.map(r => [r.id, r]));
    return (
        <ol className="po-timeline fr-raw-list" aria-label={p.entries(props.reports.length)}>
            {props.reports.map(report => {
                const institution = props.institutions.get(report.institutionId)?.name ?? "";
                const corrected = report.corrects === null ? undefined : byId.get(report.corrects);
                const texts: [string, string][] = [
                    [p.done, report.done],
                    [p.difficulties, report.difficulties],
                    [p.nextSteps, report.nextSteps],
                    [p.results, report.results]
                ];
                return (
                    <li key={report.id} className="po-timeline__entry" id={`report-${report.id}`}>
                        <div className="po-timeline__head">
                            <strong>{formatDate(report.reportedOn, locale)}</strong>
                            <StatusBadge status={report.status} />
                            {corrected && (
                                <a className="fr-link fr-text--sm" href={`#report-${corrected.id}`}>
                                    {p.correctionOf(formatDate(corrected.reportedOn, locale))}
                                </a>
                            )}
                        </div>
                        <dl className="po-facts">
                            {texts
                                .filter(([, text]) => text !== "")
                                .map(([label, text]) => (
                                    <div key={label}>
                                        <dt>{label}</dt>
                                        <dd className="po-prewrap">{text}</dd>
                                    </div>
                                ))}
                            {report.openedGovernment !== null && (
                                <div>
                                    <dt>{p.openedGovernment}</dt>
                                    <dd>{p.openedGovernmentScale[report.openedGovernment]}</dd>
                                </div>
                            )}
                            {report.files.length > 0 && (
                                <div>
                                    <dt>{p.files}</dt>
                                    <dd>
                                        <ul className="po-files-list">
                                            {report.files.map(file => (
                                                <EvidenceFileItem key={file.sha256} file={file} availability={props.files[file.sha256]} />
                                            ))}
                                        </ul>
                                    </dd>
                                </div>
                            )}
                            {report.links.length > 0 && (
                                <div>
                                    <dt>{p.links}</dt>
                                    <dd>
                                        <ul className="po-links-list">
                                            {report.links.map((link, i) => (
                                                <li key={i}>
                                                    <a
                                                        className="fr-link po-break"
                                                        href={link.url}
                                                        target="_blank"
                                                        rel="noopener noreferrer"
                                                        title={`${link.title} - ${p.newWindow}`}
                                                    >
                                                        {link.title}
                                                    </a>
                                                </li>
                                            ))}
                                        </ul>
                                    </dd>
                                </div>
                            )}
                        </dl>
                        <p className="fr-text--xs po-muted fr-mb-1w">
                            {report.onBehalf
                                ? p.signatureOnBehalf(report.authorName, institution)
                                : p.signature(report.authorName, institution)}
                        </p>
                        {props.canCorrect && (
                            <Button priority="tertiary no outline" size="small" iconId="fr-icon-edit-line" onClick={() => props.onCorrect(report)}>
                                {p.correct}
                            </Button>
                        )}
                    </li>
                );
            })}
        </ol>
    );
}

/** A file of a report: opened with the system's viewer when it is here, else where it stands. */
function EvidenceFileItem(props: { file: EvidenceFile; availability: FileAvailability | undefined }) {
    const p = useT().progress;
    const backend = useBackend();
    const [failure, setFailure] = useState<Failure | null>(null);
    const { file, availability } = props;
    return (
        <li>
            {availability === "here" ? (
                <Button
                    type="button"
                    priority="tertiary no outline"
                    size="small"
                    iconId="fr-icon-file-pdf-line"
                    title={p.openFile(file.name)}
                    onClick={() => {
                        backend.openEvidenceFile(file).then(() => setFailure(null), error => setFailure(toFailure(error)));
                    }}
                >
                    {file.name}
                </Button>
            ) : (
                <span>{file.name}</span>
            )}{" "}
            <span className="po-muted fr-text--sm">
                ({p.size(file.size)}
                {availability === undefined
                    ? ` — ${p.fileNotHere}`
                    : typeof availability === "object"
                      ? ` — ${p.fileArriving(Math.floor((100 * availability.arriving.received) / file.size))}`
                      : ""}
                )
            </span>
            {failure && (
                <p className="fr-error-text fr-mt-1v" role="alert">
                    {failure.message}
                </p>
            )}
        </li>
    );
}
