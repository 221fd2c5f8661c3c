/**
 * « Importer un fichier CSV »: the backend asks for the call's file and reads it whole, writing
 * nothing; the screen shows every problem by row and column (nothing is imported), or how many
 * applications it holds, to import all at once; then how many were added and how many the
 * session had already. Counts, problems and messages are the backend's.
 */
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useEffect, useRef, useState } from "react";
import type { Failure, JuryApplicationsImported, JuryApplicationsPreview } from "../../../core/bindings";
import { toFailure } from "../../../core/backend";
import { useBackend } from "../../backendContext";
import { useT } from "../../i18n";
import { FailureAlert } from "../../shared/FailureAlert";
import { FileProblems } from "../../shared/FileProblems";

export function ApplicationsImport(props: { sessionId: string; onImported: () => Promise<void> }) {
    const t = useT();
    const j = t.jury;
    const backend = useBackend();
    const [busy, setBusy] = useState<"read" | "import" | null>(null);
    const [preview, setPreview] = useState<JuryApplicationsPreview | null>(null);
    const [imported, setImported] = useState<JuryApplicationsImported | null>(null);
    const [failure, setFailure] = useState<Failure | null>(null);
    const previewHeading = useRef<HTMLHeadingElement>(null);

    useEffect(() => {
        if (preview !== null) previewHeading.current?.focus();
    }, [preview]);

    async function read() {
        setBusy("read");
        setFailure(null);
        setImported(null);
        try {
            const read = await backend.readJuryApplications(props.sessionId);
            if (read !== null) setPreview(read);
        } catch (error) {
            setFailure(toFailure(error));
        } finally {
            setBusy(null);
        }
    }

    async function confirm() {
        setBusy("import");
        try {
            const done = await backend.importJuryApplications(props.sessionId);
            // The list first, then what was imported: both are said together.
            await props.onImported();
            setPreview(null);
            setImported(done);
        } catch (error) {
            setFailure(toFailure(error));
        } finally {
            setBusy(null);
        }
    }

    return (
        <div className="fr-mb-3w" id="applications-import">
            <p id="applications-import-hint" className="po-measure fr-text--sm fr-mb-1w">
                {j.importHint}
            </p>
            <Button
                id="applications-read"
                priority="secondary"
                iconId="fr-icon-file-add-line"
                onClick={() => void read()}
                disabled={busy !== null}
                nativeButtonProps={{ "aria-describedby": "applications-import-hint" }}
            >
                {busy === "read" ? j.reading : j.importCsv}
            </Button>
            <div role="status">
                {imported !== null && (
                    <Alert
                        id="applications-imported"
                        severity="success"
                        small
                        className="fr-mt-2w"
                        description={j.imported(imported.added, imported.alreadyThere)}
                        closable
                        isClosed={false}
                        onClose={() => setImported(null)}
                    />
                )}
            </div>
            <FailureAlert failure={failure} as="h4" className="fr-mt-2w" onClose={() => setFailure(null)} />
            {preview !== null && (
                <div id="applications-preview" className="po-card fr-mt-2w">
                    <h3 id="applications-preview-title" className="fr-h6 fr-mb-1w" tabIndex={-1} ref={previewHeading}>
                        {j.previewTitle(preview.fileName)}
                    </h3>
                    {preview.problems.length > 0 ? (
                        <>
                            <FileProblems
                                id="applications-problems"
                                summary={`${j.problemsTitle(preview.problems.length)}. ${j.problemsIntro}`}
                                caption={j.problemsCaption(preview.fileName)}
                                headers={[j.problemColumns.row, j.problemColumns.column, j.problemColumns.problem]}
                                problems={preview.problems.map(p => ({
                                    row: p.row === null ? j.wholeFile : p.row,
                                    column: p.column === null ? "—" : j.columnName(p.column),
                                    message: p.message
                                }))}
                            />
                            <Button id="applications-preview-close" priority="secondary" onClick={() => setPreview(null)}>
                                {j.close}
                            </Button>
                        </>
                    ) : (
                        <>
                            <p id="applications-will-import" className="fr-text--bold fr-mb-2w">
                                {j.willImport(preview.applications)}
                            </p>
                            <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
                                <li>
                                    <Button id="applications-import-confirm" iconId="fr-icon-check-line" onClick={() => void confirm()} disabled={busy !== null}>
                                        {busy === "import" ? j.importing : j.confirmImport(preview.applications)}
                                    </Button>
                                </li>
                                <li>
                                    <Button id="applications-preview-close" priority="secondary" onClick={() => setPreview(null)} disabled={busy !== null}>
                                        {j.cancel}
                                    </Button>
                                </li>
                            </ul>
                        </>
                    )}
                </div>
            )}
        </div>
    );
}
