/**
 * "Exporter le plan": the plan as open data (JSON, CSV, printable HTML). The backend opens the save
 * dialog and writes; the screen says where, or why it could not. A cancelled dialog says nothing.
 */
import type { ExportFormat } from "../../../core/bindings";
import { useBackend } from "../../backendContext";
import { useT } from "../../i18n";
import { FailureAlert } from "../../shared/FailureAlert";
import { SavedFileStatus, SaveFileButton, useSaveFile } from "../../shared/useSaveFile";

export function ExportSection(props: { planId: string }) {
    const t = useT();
    const o = t.overview;
    const backend = useBackend();
    const save = useSaveFile<ExportFormat>();

    const button = (format: ExportFormat, id: string, label: string, iconId: "fr-icon-code-s-slash-line" | "fr-icon-table-line" | "fr-icon-printer-line") => (
        <SaveFileButton
            save={save}
            kind={format}
            id={id}
            label={label}
            busyLabel={o.exporting}
            iconId={iconId}
            describedBy="plan-export-intro"
            write={() => backend.exportPlan(props.planId, format)}
        />
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
            <SavedFileStatus id="export-result" message={save.written === null ? null : o.exported(save.written)} onClose={save.clearWritten} />
            <FailureAlert failure={save.failure} title={o.exportFailedTitle} as="h3" onClose={save.clearFailure} />
        </section>
    );
}
