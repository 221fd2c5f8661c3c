/**
 * Import of the OGP commitment database (its CSV export), in three steps, each said on screen:
 *
 * 1. the person picks the file; the backend reads it, with progress, and writes nothing;
 * 2. the screen shows what it holds — plans by country, commitments, how each plan's dates are
 *    read — with the own country's plans chosen; for every choice it says, from the backend's dry
 *    run, how many changes will be sent to the server and how many records stay on this laptop
 *    as a read-only library; nothing is written before "Importer";
 * 3. what it did, the warnings grouped by kind and plan (linked to each commitment), and an undo.
 *
 * Past imports are listed with their own undo. A refused file says why, row by row; nothing was
 * written.
 */
import { Accordion } from "@codegouvfr/react-dsfr/Accordion";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Failure, ImportPlanChoice, ImportPreview, ImportProgress, ImportRecord, ImportSummary, PlanId, UndoImportSummary } from "../../../core/bindings";
import { toFailure } from "../../../core/backend";
import { useBackend } from "../../backendContext";
import { useLocale, useT, type Messages } from "../../i18n";
import { href } from "../../router";
import { DataTable } from "../../shared/DataTable";
import { momentText } from "../../shared/syncTime";
import { ImportWarnings } from "./ImportWarnings";
import { PlanChoice } from "./PlanChoice";

type Outcome = { kind: "summary"; summary: ImportSummary; ownCountry: string; plans: ImportPlanChoice[] } | { kind: "failure"; failure: Failure } | { kind: "undone"; undone: UndoImportSummary };

export function ImportPage() {
    const t = useT();
    const i = t.importOgp;
    const backend = useBackend();
    const [running, setRunning] = useState(false);
    const [progress, setProgress] = useState<ImportProgress | null>(null);
    const [preview, setPreview] = useState<ImportPreview | null>(null);
    const [outcome, setOutcome] = useState<Outcome | null>(null);
    const [past, setPast] = useState<ImportRecord[]>([]);
    /** Said once a step is over, for screen readers (the focus moves to the result too). */
    const [announcement, setAnnouncement] = useState("");
    const [focusTarget, setFocusTarget] = useState<string | null>(null);
    const runningRef = useRef(false);

    const loadPast = useCallback(() => {
        backend.listImports().then(setPast, () => setPast([]));
    }, [backend]);
    useEffect(loadPast, [loadPast]);

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

    async function step<T>(work: () => Promise<T>, done: (value: T) => void) {
        if (runningRef.current) return;
        runningRef.current = true;
        setRunning(true);
        setProgress(null);
        setAnnouncement("");
        try {
            done(await work());
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

    const read = () =>
        step(
            () => backend.readOgpCsv(),
            read => {
                // A cancelled dialog changes nothing, on the screen either.
                if (read === null) return;
                setOutcome(null);
                setPreview(read);
                setAnnouncement(i.readingDone);
                setFocusTarget("import-choice-title");
            }
        );

    const confirm = (plans: PlanId[]) =>
        step(
            () => backend.importOgpPlans(plans),
            summary => {
                setOutcome({
                    kind: "summary",
                    summary,
                    ownCountry: preview?.ownCountry ?? "",
                    plans: (preview?.plans ?? []).filter(p => plans.includes(p.id))
                });
                setPreview(null);
                setAnnouncement(`${i.doneTitle}. ${i.rowsRead(summary.rows)}`);
                setFocusTarget("import-summary-title");
                loadPast();
            }
        );

    // Stable, so that the list of plans is not drawn again at each progress report.
    const confirmRef = useRef(confirm);
    confirmRef.current = confirm;
    const onConfirm = useCallback((plans: PlanId[]) => void confirmRef.current(plans), []);
    const onCancel = useCallback(() => setPreview(null), []);

    const undone = (summary: UndoImportSummary) => {
        setOutcome({ kind: "undone", undone: summary });
        setAnnouncement(i.undone(summary.deleted, summary.restored));
        setFocusTarget("import-undone");
        loadPast();
    };

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
                        <Button id="import-start" iconId="fr-icon-upload-line" onClick={() => void read()} nativeButtonProps={{ "aria-disabled": running }}>
                            {running ? i.running : i.startChoice}
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
            {preview !== null && <PlanChoice preview={preview} running={running} onConfirm={onConfirm} onCancel={onCancel} />}
            {outcome?.kind === "summary" && <Summary summary={outcome.summary} ownCountry={outcome.ownCountry} plans={outcome.plans} t={t} onUndone={undone} />}
            {outcome?.kind === "undone" && (
                <div id="import-undone" className="fr-alert fr-alert--success fr-mb-4w" tabIndex={-1}>
                    <p>{i.undone(outcome.undone.deleted, outcome.undone.restored)}</p>
                </div>
            )}
            <PastImports past={past} t={t} onUndone={undone} />
        </>
    );
}

function ImportFailure(props: { failure: Failure; t: Messages }) {
    const i = props.t.importOgp;
    return (
        <div id="import-error" className="fr-alert fr-alert--error fr-mb-4w" tabIndex={-1}>
            <h2 className="fr-alert__title">{props.failure.code === "validation" ? i.refusedTitle : i.failedTitle}</h2>
            <p className="po-pre-line">{props.failure.message}</p>
            {props.failure.code === "validation" && (
                <p className="fr-mt-1w">
                    <strong>{i.nothingWritten}</strong>
                </p>
            )}
        </div>
    );
}

function Summary(props: {
    summary: ImportSummary;
    ownCountry: string;
    /** The plans imported, with how each one's dates were read. */
    plans: ImportPlanChoice[];
    t: Messages;
    onUndone: (undone: UndoImportSummary) => void;
}) {
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
                <p id="import-sent">{i.sent(summary.queued)}</p>
                {summary.keptHere > 0 && <p id="import-kept">{i.kept(summary.keptHere)}</p>}
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
            {props.plans.length > 0 && (
                <Accordion id="import-date-rules" label={i.dateRulesTitle(props.plans.filter(p => p.datesDeduced).length)} titleAs="h3" className="fr-mb-3w">
                    <ul>
                        {props.plans.map(plan => (
                            <li key={plan.id}>
                                <strong>{plan.title}</strong> — {plan.dateRule}
                            </li>
                        ))}
                    </ul>
                </Accordion>
            )}
            <ImportWarnings warnings={summary.warnings} ownCountry={props.ownCountry} />
            <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
                <li>
                    <Button id="import-plans-link" priority="secondary" iconId="fr-icon-arrow-right-line" linkProps={{ href: href.plans() }}>
                        {i.seePlans}
                    </Button>
                </li>
                {summary.importId !== null && (
                    <li>
                        <UndoButton id="import-undo" importId={summary.importId} t={t} onUndone={props.onUndone} />
                    </li>
                )}
            </ul>
        </section>
    );
}

/** Undoing asks first, saying what it will delete and send (the backend's dry run). */
function UndoButton(props: { id: string; importId: number; t: Messages; onUndone: (undone: UndoImportSummary) => void }) {
    const backend = useBackend();
    const i = props.t.importOgp;
    const [asking, setAsking] = useState<UndoImportSummary | null>(null);
    const [failure, setFailure] = useState<Failure | null>(null);
    const ask = () => {
        setFailure(null);
        backend.previewUndoImport(props.importId).then(setAsking, error => setFailure(toFailure(error)));
    };
    const undo = () =>
        backend.undoImport(props.importId).then(
            done => {
                setAsking(null);
                props.onUndone(done);
            },
            error => {
                setAsking(null);
                setFailure(toFailure(error));
            }
        );
    return (
        <div className="po-import-undo">
            {asking === null ? (
                <Button id={props.id} priority="tertiary" iconId="fr-icon-arrow-go-back-line" onClick={ask}>
                    {i.undo}
                </Button>
            ) : (
                <div role="group" aria-labelledby={`${props.id}-ask`} className="fr-p-2w po-card">
                    <p id={`${props.id}-ask`}>{i.undoAsk(asking.deleted, asking.restored, asking.queued)}</p>
                    <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
                        <li>
                            <Button id={`${props.id}-confirm`} onClick={() => void undo()}>
                                {i.undoConfirm}
                            </Button>
                        </li>
                        <li>
                            <Button priority="secondary" onClick={() => setAsking(null)}>
                                {i.undoKeep}
                            </Button>
                        </li>
                    </ul>
                </div>
            )}
            {failure !== null && (
                <p id={`${props.id}-error`} className="fr-error-text" role="alert">
                    {failure.message}
                </p>
            )}
        </div>
    );
}

function PastImports(props: { past: ImportRecord[]; t: Messages; onUndone: (undone: UndoImportSummary) => void }) {
    const { t } = props;
    const i = t.importOgp;
    const locale = useLocale();
    if (props.past.length === 0) return null;
    return (
        <section id="import-past" aria-labelledby="import-past-title" className="fr-mb-4w">
            <h2 id="import-past-title" className="fr-h5">
                {i.pastTitle}
            </h2>
            <ul className="po-import-past">
                {props.past.map(record => (
                    <li key={record.id} className="fr-mb-2w">
                        <p className="fr-mb-1v">{i.pastItem(record.fileName, momentText(t, record.at, new Date(), locale), record.plans.length, record.libraryPlans)}</p>
                        <p className="fr-text--sm po-muted fr-mb-1v">{record.plans.slice(0, 5).join(" · ") + (record.plans.length > 5 ? " …" : "")}</p>
                        <UndoButton id={`import-undo-${record.id}`} importId={record.id} t={t} onUndone={props.onUndone} />
                    </li>
                ))}
            </ul>
        </section>
    );
}
