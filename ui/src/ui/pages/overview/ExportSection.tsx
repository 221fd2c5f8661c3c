/**
 * "Exporter le plan": the plan as open data (JSON, CSV, printable HTML). The backend opens the save
 * dialog and writes; the screen says where, or why it could not. A cancelled dialog says nothing.
 */
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useRef, useState } from "react";
import type { ExportFormat, Failure } from "../../../core/bindings";
import { toFailure } from "../../../core/backend";
import { useBackend } from "../../backendContext";
import { useT } from "../../i18n";
import { FailureAlert } from "../../shared/FailureAlert";

export function ExportSection(props: { planId: string }) {
    const t = useT();
    const o = t.overview;
    const backend = useBackend();
    const [busy, setBusy] = useState<ExportFormat | null>(null);
    const [written, setWritten] = useState<string | null>(null);
    const [failure, setFailure] = useState<Failure | null>(null);
    const busyRef = useRef(false);

    async function run(format: ExportFormat) {
        if (busyRef.current) return;
        busyRef.current = true;
        setBusy(format);
        setWritten(null);
        setFailure(null);
        try {
            setWritten(await backend.exportPlan(props.planId, format));
        } catch (error) {
            setFailure(toFailure(error));
        } finally {
            busyRef.current = false;
            setBusy(null);
        }
    }

    const button = (format: ExportFormat, id: string, label: string, iconId: "fr-icon-code-s-slash-line" | "fr-icon-table-line" | "fr-icon-printer-line") => (
        <li>
            <Button
                id={id}
                priority="secondary"
                iconId={iconId}
                onClick={() => void run(format)}
                nativeButtonProps={{ "aria-disabled": busy !== null, "aria-describedby": "plan-export-intro" }}
            >
                {busy === format ? o.exporting : label}
            </Button>
        </li>
    );

    return (
        <section aria-labelledby="plan-export-title" className="po-export fr-mt-6w" id="plan-export">
            <h2 id="plan-export-title" className="fr-h4 fr-mb-1w">
                {o.exportTitle}
            </h2>
            <p id="plan-export-intro" className="po-measure">
                {o.exportIntro}
            </p>
            <ul className="fr-btns-group fr-btns-group--inline-lg fr-btns-group--icon-left">
                {button("json", "export-json", o.exportJson, "fr-icon-code-s-slash-line")}
                {button("csv", "export-csv", o.exportCsv, "fr-icon-table-line")}
                {button("xlsx", "export-xlsx", o.exportXlsx, "fr-icon-table-line")}
                {button("html", "export-html", o.exportHtml, "fr-icon-printer-line")}
            </ul>
            {/* Always there, so that the path is announced when it appears. */}
            <div role="status">
                {written !== null && (
                    <Alert
                        id="export-result"
                        severity="success"
                        small
                        className="fr-mb-2w"
                        description={<span className="po-break">{o.exported(written)}</span>}
                        closable
                        isClosed={false}
                        onClose={() => setWritten(null)}
                    />
                )}
            </div>
            <FailureAlert failure={failure} title={o.exportFailedTitle} as="h3" onClose={() => setFailure(null)} />
        </section>
    );
}
