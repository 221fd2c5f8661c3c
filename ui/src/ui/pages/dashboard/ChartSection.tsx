/**
 * A chart of the dashboard with what goes with it: its heading, its data as a real table
 * (« Voir les données »), and « Enregistrer en image (PNG) », which draws it as an image in the
 * page and hands the bytes to the backend; the backend asks where to save it.
 */
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useRef, useState } from "react";
import type { DashboardChart, Failure } from "../../../core/bindings";
import { toFailure } from "../../../core/backend";
import { useBackend } from "../../backendContext";
import { useT } from "../../i18n";
import { DataTable, type DataTableRow } from "../../shared/DataTable";
import { FailureAlert } from "../../shared/FailureAlert";
import { BarChart, type ChartBar } from "./BarChart";
import { chartPng } from "./chartImage";

export function ChartSection(props: {
    id: string;
    chart: DashboardChart;
    planId: string;
    title: string;
    /** The image's source line: the plan and the day. */
    source: string;
    bars: ChartBar[];
    max: number;
    headers: string[];
    rows: DataTableRow[];
}) {
    const t = useT();
    const d = t.dashboard;
    const backend = useBackend();
    const svg = useRef<SVGSVGElement>(null);
    const [open, setOpen] = useState(false);
    const [busy, setBusy] = useState(false);
    const [saved, setSaved] = useState<string | null>(null);
    const [failure, setFailure] = useState<Failure | null>(null);
    const { id } = props;

    async function saveImage() {
        if (busy || svg.current === null) return;
        setBusy(true);
        setSaved(null);
        setFailure(null);
        try {
            const png = await chartPng(svg.current, props.title, props.source);
            setSaved(await backend.saveChartImage(props.planId, props.chart, png));
        } catch (error) {
            setFailure(toFailure(error));
        } finally {
            setBusy(false);
        }
    }

    return (
        <section className="po-chart-section" aria-labelledby={`${id}-title`} id={id}>
            <h2 id={`${id}-title`} className="fr-h4 fr-mb-1w">
                {props.title}
            </h2>
            <p id={`${id}-note`} className="fr-sr-only">
                {d.chartNote}
            </p>
            <div className="po-chart-frame">
                <BarChart
                    id={`${id}-chart`}
                    svgRef={svg}
                    labelledBy={`${id}-title ${id}-note`}
                    bars={props.bars}
                    max={props.max}
                />
            </div>
            <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left fr-mt-2w">
                <li>
                    <Button
                        id={`${id}-data-toggle`}
                        priority="secondary"
                        size="small"
                        iconId={open ? "fr-icon-eye-off-line" : "fr-icon-table-line"}
                        onClick={() => setOpen(!open)}
                        nativeButtonProps={{ "aria-expanded": open, "aria-controls": `${id}-data` }}
                    >
                        {open ? d.hideData : d.showData}
                    </Button>
                </li>
                <li>
                    <Button
                        id={`${id}-image`}
                        priority="tertiary"
                        size="small"
                        iconId="fr-icon-image-line"
                        onClick={() => void saveImage()}
                        nativeButtonProps={{ "aria-disabled": busy }}
                    >
                        {busy ? d.savingImage : d.saveImage}
                    </Button>
                </li>
            </ul>
            {/* Always there, so that where the image went is announced when it appears. */}
            <div role="status">
                {saved !== null && (
                    <Alert
                        id={`${id}-image-saved`}
                        severity="success"
                        small
                        className="fr-mb-2w"
                        description={<span className="po-break">{d.imageSaved(saved)}</span>}
                        closable
                        isClosed={false}
                        onClose={() => setSaved(null)}
                    />
                )}
            </div>
            <FailureAlert failure={failure} title={d.imageFailedTitle} as="h3" onClose={() => setFailure(null)} />
            <div id={`${id}-data`} hidden={!open}>
                <DataTable id={`${id}-table`} caption={d.dataOf(props.title)} headers={props.headers} rows={props.rows} rowHeaders />
            </div>
        </section>
    );
}
