/**
 * What was wrong with a file read for an import (a progress workbook, a call's applications):
 * an error alert that says nothing was imported, then each problem on its row, with its column
 * and the backend's message. `<id>-alert` is the alert, `<id>` the table.
 */
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { ReactNode } from "react";
import { DataTable } from "./DataTable";

export function FileProblems(props: {
    id: string;
    /** The alert's text: how many problems, nothing imported, what to do. */
    summary: string;
    caption: string;
    /** Row, column, problem. */
    headers: [string, string, string];
    problems: { row: ReactNode; column: ReactNode; message: string }[];
}) {
    return (
        <>
            <Alert id={`${props.id}-alert`} severity="error" small className="fr-mb-2w" description={props.summary} />
            <DataTable
                id={props.id}
                caption={props.caption}
                hiddenCaption
                headers={props.headers}
                rows={props.problems.map((p, index) => ({ key: `${index}`, cells: [p.row, p.column, p.message] }))}
            />
        </>
    );
}
