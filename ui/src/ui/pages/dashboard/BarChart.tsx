/**
 * A horizontal bar chart drawn in SVG, one bar per row: the row's label above its bar, the bar
 * on a grey track (the whole), the value written beside it, so the chart reads without colours
 * and the figures never hide in a tooltip. Colours are DSFR's variables (classes in `app.css`), so the chart follows the light
 * and dark themes. The SVG is an image with a name (`aria-labelledby`); its data is the table
 * that goes with it (see `ChartSection`).
 */
import type { Ref } from "react";

/** What a bar stands for, which gives its colour: progress, or a step of the completion scale. */
export type BarTone = "progress" | "notReported" | "notStarted" | "limited" | "substantial" | "complete" | "withdrawn";

export type ChartBar = {
    key: string;
    label: string;
    /** None: no bar (what does not count), only its text. */
    value: number | null;
    valueText: string;
    tone: BarTone;
};

/** The drawing's size in its own units; it scales to the column's width. */
export const CHART_WIDTH = 760;
const BAR_WIDTH = 580;
const LABEL_HEIGHT = 20;
const BAR_HEIGHT = 16;
const ROW_HEIGHT = LABEL_HEIGHT + BAR_HEIGHT + 14;
const TOP = 4;
/** A label longer than the drawing's width is cut (the table holds it whole). */
const LABEL_MAX = 100;

const cut = (text: string) => (text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1).trimEnd()}…` : text);

export function BarChart(props: {
    id: string;
    /** Ids of what names and describes the chart (its heading, a note). */
    labelledBy: string;
    bars: ChartBar[];
    /** The value of a full bar (its grey track). */
    max: number;
    svgRef?: Ref<SVGSVGElement>;
}) {
    const height = TOP + props.bars.length * ROW_HEIGHT;
    const x = (value: number) => (props.max > 0 ? (Math.min(value, props.max) / props.max) * BAR_WIDTH : 0);
    return (
        <svg
            ref={props.svgRef}
            id={props.id}
            className="po-chart"
            role="img"
            aria-labelledby={props.labelledBy}
            viewBox={`0 0 ${CHART_WIDTH} ${height}`}
            width={CHART_WIDTH}
            height={height}
            preserveAspectRatio="xMinYMin meet"
        >
            {props.bars.map((bar, i) => {
                const top = TOP + i * ROW_HEIGHT;
                const end = bar.value === null ? 0 : x(bar.value);
                return (
                    <g key={bar.key}>
                        <text className="po-chart__label" x={0} y={top + 14}>
                            {cut(bar.label)}
                        </text>
                        <rect className="po-chart__track" x={0} y={top + LABEL_HEIGHT} width={BAR_WIDTH} height={BAR_HEIGHT} />
                        {bar.value !== null && bar.value > 0 && (
                            <rect
                                className={`po-chart__bar po-chart__bar--${bar.tone}`}
                                x={0}
                                y={top + LABEL_HEIGHT}
                                width={Math.max(end, 2)}
                                height={BAR_HEIGHT}
                            />
                        )}
                        <text className="po-chart__value" x={BAR_WIDTH + 10} y={top + LABEL_HEIGHT + 13}>
                            {bar.valueText}
                        </text>
                    </g>
                );
            })}
        </svg>
    );
}
