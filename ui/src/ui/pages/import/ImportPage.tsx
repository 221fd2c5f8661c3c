/**
 * Import of the OGP commitment database (its CSV export): what the file is and how the import
 * behaves, the button that lets the backend open the file dialog, the progress while it reads
 * and writes, then what it did (records created, updated, unchanged; values to check, row by
 * row) or why the file was refused — in which case nothing was written.
 */
import { Accordion } from "@codegouvfr/react-dsfr/Accordion";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useEffect, useRef, useState } from "react";
import type { Failure, ImportProgress, ImportSummary, ImportWarningView } from "../../../core/bindings";
import { toFailure } from "../../../core/backend";
import { useBackend } from "../../backendContext";
import { useT, type Messages } from "../../i18n";
import { href } from "../../router";
import { DataTable } from "../../shared/DataTable";

/** Beyond this many warnings, their table is folded in an accordion. */
const WARNINGS_SHOWN_MAX = 10;

type Outcome = { kind: "summary"; summary: ImportSummary } | { kind: "failure"; failure: Failure };

export function ImportPage() {
    const t = useT();
    const i = t.importOgp;
    const backend = useBackend();
    const [running, setRunning] = useState(false);
    const [progress, setProgress] = useState<ImportProgress | null>(null);
    const [outcome, setOutcome] = useState<Outcome | null>(null);
    /** Said once the import is over, for screen readers (the focus moves to the result too). */
    const [announcement, setAnnouncement] = useState("");
    const [focusTarget, setFocusTarget] = useState<string | null>(null);
    const runningRef = useRef(false);

    // Progress comes as notifications, while the import's own call is pending.
    useEffect(() => {
        let live = true;
        let stop: (() => void) | null = null;
        backend
            .onImportProgress(next => {
                if (runningRef.current) setProgress(next);
            })
            .then(
                unlisten => {
                    if (live) stop = unlisten;
                    else unlisten();
                },
                () => {
                    // Without progress, the import still says when it is over.
                }
            );
        return () => {
            live = false;
            stop?.();
        };
    }, [backend]);

    useEffect(() => {
        if (focusTarget === null) return;
        document.getElementById(focusTarget)?.focus();
        setFocusTarget(null);
    }, [focusTarget]);

    async function start() {
        if (runningRef.current) return;
        runningRef.current = true;
        setRunning(true);
        setProgress(null);
        setAnnouncement("");
        try {
            const summary = await backend.importOgpCsv();
            // A cancelled dialog changes nothing, on the screen either.
            if (summary !== null) {
                setOutcome({ kind: "summary", summary });
                setAnnouncement(`${i.doneTitle}. ${i.rowsRead(summary.rows)}`);
                setFocusTarget("import-summary-title");
            }
        } catch (error) {
            const failure = toFailure(error);
            setOutcome({ kind: "failure", failure });
            setAnnouncement(failure.code === "validation" ? i.refusedTitle : i.failedTitle);
            setFocusTarget("import-error");
        } finally {
            runningRef.current = false;
            setRunning(false);
            setProgress(null);
        }
    }

    const progressText =
        progress === null ? "" : progress.stage === "reading" ? i.reading(progress.done, progress.total) : i.writing(progress.done, progress.total);

    return (
        <>
            <Breadcrumb homeLinkProps={{ href: href.plans() }} segments={[]} currentPageLabel={i.title} className="fr-mt-0 fr-mb-3w" />
            <h1>{i.title}</h1>
            <p className="fr-text--lead po-measure">{i.intro}</p>

            <div className="fr-grid-row fr-grid-row--gutters fr-mb-2w">
                <div className="fr-col-12 fr-col-lg-7">
                    <section aria-labelledby="import-about-title" className="po-card po-import-about">
                        <h2 id="import-about-title" className="fr-h5">
                            {i.aboutTitle}
                        </h2>
                        <ul>
                            <li>{i.file}</li>
                            <li>{i.allOrNothing}</li>
                            <li>{i.again}</li>
                            <li>{i.dates}</li>
                        </ul>
                    </section>
                </div>
                <div className="fr-col-12 fr-col-lg-5">
                    <section aria-labelledby="import-run-title" className="po-card po-import-run">
                        <h2 id="import-run-title" className="fr-h5">
                            {i.runTitle}
                        </h2>
                        <p className="fr-text--sm po-muted">{i.runHint}</p>
                        <Button
                            id="import-start"
                            iconId="fr-icon-upload-line"
                            onClick={() => void start()}
                            nativeButtonProps={{ "aria-disabled": running }}
                        >
                            {running ? i.running : i.start}
                        </Button>
                        {running && progress !== null && (
                            <div className="po-import-progress">
                                <label htmlFor="import-progress" className="fr-sr-only">
                                    {i.progressLabel}
                                </label>
                                {progress.total > 0 ? (
                                    <progress id="import-progress" max={progress.total} value={Math.min(progress.done, progress.total)} />
                                ) : (
                                    <progress id="import-progress" />
                                )}
                            </div>
                        )}
                        {/* Always there, so that what it says is announced. */}
                        <p id="import-status" role="status" className={running ? "po-import-status" : "fr-sr-only"}>
                            {running ? progressText : announcement}
                        </p>
                    </section>
                </div>
            </div>

            {outcome?.kind === "failure" && <ImportFailure failure={outcome.failure} t={t} />}
            {outcome?.kind === "summary" && <Summary summary={outcome.summary} t={t} />}
        </>
    );
}

function ImportFailure(props: { failure: Failure; t: Messages }) {
    const i = props.t.importOgp;
    return (
        <div id="import-error" className="fr-alert fr-alert--error fr-mb-4w" tabIndex={-1}>
            <h2 className="fr-alert__title">{props.failure.code === "validation" ? i.refusedTitle : i.failedTitle}</h2>
            <p className="po-pre-line">{props.failure.message}</p>
            <p className="fr-mt-1w">
                <strong>{i.nothingWritten}</strong>
            </p>
        </div>
    );
}

function Summary(props: { summary: ImportSummary; t: Messages }) {
    const { summary, t } = props;
    const i = t.importOgp;
    const kinds = ["plans", "areas", "institutions", "commitments"] as const;
    return (
        <section id="import-summary" aria-labelledby="import-summary-title" className="fr-mb-4w">
            <div className="fr-alert fr-alert--success fr-mb-3w">
                <h2 id="import-summary-title" className="fr-alert__title" tabIndex={-1}>
                    {i.doneTitle}
                </h2>
                <p id="import-rows">{i.rowsRead(summary.rows)}</p>
            </div>
            <DataTable
                id="import-counts"
                className="po-import-counts"
                caption={i.countsCaption}
                headers={[i.kindHeader, i.created, i.updated, i.unchanged]}
                rowHeaders
                rows={kinds.map(kind => ({
                    key: kind,
                    cells: [i.kinds[kind], i.number(summary[kind].created), i.number(summary[kind].updated), i.number(summary[kind].unchanged)]
                }))}
            />
            <Warnings warnings={summary.warnings} t={t} />
            <Button id="import-plans-link" priority="secondary" iconId="fr-icon-arrow-right-line" iconPosition="right" linkProps={{ href: href.plans() }}>
                {i.seePlans}
            </Button>
        </section>
    );
}

function Warnings(props: { warnings: ImportWarningView[]; t: Messages }) {
    const { warnings, t } = props;
    const i = t.importOgp;
    const table = (
        <DataTable
            id="import-warnings-table"
            caption={i.warningsCaption}
            hiddenCaption
            headers={[i.row, i.identifier, i.column, i.message]}
            rows={warnings.map((w, index) => ({
                key: `${index}`,
                cells: [w.row, w.identifier, w.column, w.message]
            }))}
        />
    );
    return (
        <section id="import-warnings" aria-labelledby="import-warnings-title" className="fr-mb-4w">
            <h3 id="import-warnings-title" className="fr-h5 fr-mb-1w">
                {warnings.length === 0 ? i.noWarnings : i.warningsTitle(warnings.length)}
            </h3>
            {warnings.length > 0 && <p className="po-measure">{i.warningsIntro}</p>}
            {warnings.length > WARNINGS_SHOWN_MAX ? (
                <Accordion id="import-warnings-accordion" label={i.warningsShow(warnings.length)} titleAs="h4" className="fr-mb-3w">
                    {table}
                </Accordion>
            ) : (
                warnings.length > 0 && table
            )}
        </section>
    );
}
