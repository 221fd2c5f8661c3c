/**
 * "Suivre l'avancement par classeur": how ministries already report. The coordination exports an
 * institution's progress workbook (or every institution's) — the backend makes it and asks where to
 * save it —, then imports the filled workbook it gets back: the backend asks for the file and says
 * what importing it would save, or every problem with its row and column; nothing is saved before
 * the person confirms. Counts, problems and messages are the backend's; the screen words only its
 * own labels.
 */
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useEffect, useRef, useState } from "react";
import type { Failure, InstitutionRef, ProgressWorkbookPreview, ProgressWorkbookSummary } from "../../../core/bindings";
import { toFailure } from "../../../core/backend";
import { useBackend } from "../../backendContext";
import { useT } from "../../i18n";
import { FailureAlert } from "../../shared/FailureAlert";
import { FileProblems } from "../../shared/FileProblems";
import { SavedFileStatus } from "../../shared/useSaveFile";
import { useLoad } from "../../shared/useLoad";

type Busy = "export" | "read" | "import";

const NONE: InstitutionRef[] = [];

export function ProgressWorkbookSection(props: { planId: string; onImported: () => void }) {
    const t = useT();
    const w = t.workbook;
    const backend = useBackend();
    const { planId, onImported } = props;
    const leads = useLoad(() => backend.listLeadInstitutions(planId), [backend, planId]);
    const [institution, setInstitution] = useState("");
    const [busy, setBusy] = useState<Busy | null>(null);
    const busyRef = useRef(false);
    const [exported, setExported] = useState<string | null>(null);
    const [exportFailure, setExportFailure] = useState<Failure | null>(null);
    const [preview, setPreview] = useState<ProgressWorkbookPreview | null>(null);
    const [summary, setSummary] = useState<ProgressWorkbookSummary | null>(null);
    const [importFailure, setImportFailure] = useState<Failure | null>(null);
    const previewHeading = useRef<HTMLHeadingElement>(null);

    // What was read is announced by moving to it.
    useEffect(() => {
        if (preview !== null) previewHeading.current?.focus();
    }, [preview]);

    async function run(kind: Busy, work: () => Promise<void>, onFailure: (failure: Failure) => void) {
        if (busyRef.current) return;
        busyRef.current = true;
        setBusy(kind);
        try {
            await work();
        } catch (error) {
            onFailure(toFailure(error));
        } finally {
            busyRef.current = false;
            setBusy(null);
        }
    }

    const exportWorkbook = () =>
        run(
            "export",
            async () => {
                setExported(null);
                setExportFailure(null);
                setExported(await backend.exportProgressWorkbook(planId, institution === "" ? null : institution));
            },
            setExportFailure
        );

    const readWorkbook = () =>
        run(
            "read",
            async () => {
                setPreview(null);
                setSummary(null);
                setImportFailure(null);
                setPreview(await backend.readProgressWorkbook());
            },
            setImportFailure
        );

    const importWorkbook = () =>
        run(
            "import",
            async () => {
                setImportFailure(null);
                setSummary(await backend.importProgressWorkbook());
                setPreview(null);
                onImported();
            },
            failure => {
                setPreview(null);
                setImportFailure(failure);
            }
        );

    const institutions = leads.data ?? NONE;
    const disabled = { "aria-disabled": busy !== null };

    return (
        <section aria-labelledby="plan-workbook-title" className="po-export fr-mt-6w" id="plan-workbook">
            <h2 id="plan-workbook-title" className="fr-h4 fr-mb-1w">
                {w.title}
            </h2>
            <p className="po-measure">{w.intro}</p>

            <div className="po-workbook__export">
                <Select
                    label={w.institution}
                    hint={w.institutionHint}
                    nativeSelectProps={{ id: "workbook-institution", value: institution, onChange: e => setInstitution(e.target.value) }}
                >
                    <option value="">{w.allInstitutions}</option>
                    {institutions.map(i => (
                        <option key={i.id} value={i.id}>
                            {i.acronym !== "" && i.acronym !== i.name ? `${i.name} (${i.acronym})` : i.name}
                        </option>
                    ))}
                </Select>
                <Button id="workbook-export" iconId="fr-icon-table-line" onClick={() => void exportWorkbook()} nativeButtonProps={disabled}>
                    {busy === "export" ? w.exporting : w.export}
                </Button>
            </div>
            <SavedFileStatus id="workbook-exported" message={exported === null ? null : w.exported(exported)} onClose={() => setExported(null)} />
            <FailureAlert failure={exportFailure ?? leads.failure} title={w.exportFailedTitle} as="h3" onClose={() => setExportFailure(null)} />

            <h3 id="workbook-import-title" className="fr-h5 fr-mt-4w fr-mb-1w">
                {w.importTitle}
            </h3>
            <p id="workbook-import-hint" className="po-measure">
                {w.importHint}
            </p>
            <Button
                id="workbook-read"
                priority="secondary"
                iconId="fr-icon-file-add-line"
                onClick={() => void readWorkbook()}
                nativeButtonProps={{ ...disabled, "aria-describedby": "workbook-import-hint" }}
            >
                {busy === "read" ? w.reading : w.read}
            </Button>

            <div role="status">
                {summary !== null && (
                    <Alert
                        id="workbook-imported"
                        severity="success"
                        small
                        className="fr-mt-2w"
                        description={[w.imported(summary.written), summary.unchanged > 0 ? w.unchanged(summary.unchanged) : "", summary.empty > 0 ? w.empty(summary.empty) : ""]
                            .filter(Boolean)
                            .join(" ")}
                        closable
                        isClosed={false}
                        onClose={() => setSummary(null)}
                    />
                )}
            </div>
            <FailureAlert failure={importFailure} title={w.importFailedTitle} as="h4" className="fr-mt-2w" onClose={() => setImportFailure(null)} />

            {preview !== null && (
                <div id="workbook-preview" className="fr-mt-3w">
                    <h4 id="workbook-preview-title" className="fr-h6 fr-mb-1w" tabIndex={-1} ref={previewHeading}>
                        {w.previewTitle(preview.fileName)}
                    </h4>
                    {preview.problems.length > 0 ? (
                        <>
                            <FileProblems
                                id="workbook-problems"
                                summary={`${w.problemsTitle(preview.problems.length)}. ${w.problemsIntro}`}
                                caption={w.problemsCaption(preview.fileName)}
                                headers={[w.row, w.column, w.problem]}
                                problems={preview.problems.map(p => ({
                                    row: p.row === null ? w.wholeWorkbook : p.row,
                                    column: p.column === null ? "—" : w.columnOf(p.column, p.columnTitle ?? ""),
                                    message: p.message
                                }))}
                            />
                            <Button id="workbook-cancel" priority="secondary" onClick={() => setPreview(null)}>
                                {w.close}
                            </Button>
                        </>
                    ) : (
                        <>
                            <ul className="fr-mb-2w">
                                <li>{w.planLine(preview.planTitle)}</li>
                                <li>{preview.institutionName === null ? w.everyInstitution : w.institutionLine(preview.institutionName)}</li>
                            </ul>
                            <p id="workbook-will-write" className="fr-text--bold fr-mb-1w">
                                {w.willWrite(preview.reports)}
                            </p>
                            {preview.unchanged > 0 && <p className="fr-mb-1w">{w.unchanged(preview.unchanged)}</p>}
                            {preview.empty > 0 && <p className="fr-mb-1w">{w.empty(preview.empty)}</p>}
                            {preview.signedBy !== null && (
                                <p className="fr-mb-2w" id="workbook-signature">
                                    {preview.onBehalf ? w.signedOnBehalf(preview.signedBy) : w.signedBy(preview.signedBy)}
                                </p>
                            )}
                            <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
                                {preview.reports > 0 && (
                                    <li>
                                        <Button id="workbook-import" iconId="fr-icon-check-line" onClick={() => void importWorkbook()} nativeButtonProps={disabled}>
                                            {busy === "import" ? w.importing : w.confirm(preview.reports)}
                                        </Button>
                                    </li>
                                )}
                                <li>
                                    <Button id="workbook-cancel" priority="secondary" onClick={() => setPreview(null)} nativeButtonProps={disabled}>
                                        {preview.reports > 0 ? w.cancel : w.close}
                                    </Button>
                                </li>
                            </ul>
                        </>
                    )}
                </div>
            )}
        </section>
    );
}
