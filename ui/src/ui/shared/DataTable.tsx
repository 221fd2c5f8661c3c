/**
 * A DSFR table in the markup of current DSFR (1.14 here: `fr-table__wrapper` > `__container` >
 * `__content` > `table`): react-dsfr's `Table` still writes the older `fr-table > table`, which
 * DSFR 1.14's styles lay out as a block, so that the rows stop short of the table's frame.
 * Cells wrap (`fr-table--multiline`) so that long names do not push the table into a
 * horizontal scroll at 1024 px; the container still scrolls if a row cannot fit.
 * With `rowHeaders`, each row's first cell is its header (`<th scope="row">`). With `groups`, the
 * rows come in groups, each a `<tbody>` opened by its heading (`<th scope="colgroup">`).
 */
import type { ReactNode } from "react";

export type DataTableRow = { key: string; cells: ReactNode[] };
export type DataTableGroup = { key: string; heading: ReactNode; rows: DataTableRow[] };

export function DataTable(props: {
    id: string;
    caption: string;
    headers: string[];
    rows?: DataTableRow[];
    groups?: DataTableGroup[];
    className?: string;
    rowHeaders?: boolean;
    /** Shows the caption to screen readers only. */
    hiddenCaption?: boolean;
}) {
    return (
        <div
            id={props.id}
            className={["fr-table", "fr-table--multiline", props.hiddenCaption && "fr-table--no-caption", props.className].filter(Boolean).join(" ")}
        >
            <div className="fr-table__wrapper">
                <div className="fr-table__container">
                    <div className="fr-table__content">
                        <table>
                            <caption>{props.caption}</caption>
                            <thead>
                                <tr>
                                    {props.headers.map(header => (
                                        <th key={header} scope="col">
                                            {header}
                                        </th>
                                    ))}
                                </tr>
                            </thead>
                            {props.rows !== undefined && <tbody>{props.rows.map(row => rowOf(row, props.rowHeaders))}</tbody>}
                            {props.groups?.map(group => (
                                <tbody key={group.key}>
                                    <tr className="po-table__group">
                                        <th scope="colgroup" colSpan={props.headers.length}>
                                            {group.heading}
                                        </th>
                                    </tr>
                                    {group.rows.map(row => rowOf(row, props.rowHeaders))}
                                </tbody>
                            ))}
                        </table>
                    </div>
                </div>
            </div>
        </div>
    );
}

function rowOf(row: DataTableRow, rowHeaders: boolean | undefined) {
    return (
        <tr key={row.key}>
            {row.cells.map((cell, i) =>
                i === 0 && rowHeaders ? (
                    <th key={i} scope="row">
                        {cell}
                    </th>
                ) : (
                    <td key={i}>{cell}</td>
                )
            )}
        </tr>
    );
}
