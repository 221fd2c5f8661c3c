/**
 * A file the backend makes and writes where the person chooses (the backend opens the save
 * dialog): which one is being made (one at a time), where the last one was written, or why it
 * could not be. A cancelled dialog says nothing.
 */
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useRef, useState } from "react";
import type { Failure } from "../../core/bindings";
import { toFailure } from "../../core/backend";

export function useSaveFile<Kind extends string>() {
    const [busy, setBusy] = useState<Kind | null>(null);
    const [written, setWritten] = useState<string | null>(null);
    const [failure, setFailure] = useState<Failure | null>(null);
    const busyRef = useRef(false);

    /** Runs `save` (which resolves to where it wrote, or `null` when the person cancels) unless another one runs. */
    async function run(kind: Kind, save: () => Promise<string | null>) {
        if (busyRef.current) return;
        busyRef.current = true;
        setBusy(kind);
        setWritten(null);
        setFailure(null);
        try {
            setWritten(await save());
        } catch (error) {
            setFailure(toFailure(error));
        } finally {
            busyRef.current = false;
            setBusy(null);
        }
    }

    return { busy, written, failure, run, clearWritten: () => setWritten(null), clearFailure: () => setFailure(null) };
}

/** One button of a list of formats (`<ul className="fr-btns-group">`) that makes and saves a file
 * through `save`: it says when its file is being made, and does nothing while another one is. */
export function SaveFileButton<Kind extends string>(props: {
    save: ReturnType<typeof useSaveFile<Kind>>;
    kind: Kind;
    id: string;
    label: string;
    busyLabel: string;
    iconId: "fr-icon-printer-line" | "fr-icon-table-line" | "fr-icon-code-s-slash-line";
    primary?: boolean;
    /** The id of the text that says what the files are. */
    describedBy: string;
    write: () => Promise<string | null>;
}) {
    const { save } = props;
    return (
        <li>
            <Button
                id={props.id}
                priority={props.primary ? "primary" : "secondary"}
                iconId={props.iconId}
                onClick={() => void save.run(props.kind, props.write)}
                nativeButtonProps={{ "aria-disabled": save.busy !== null, "aria-describedby": props.describedBy }}
            >
                {save.busy === props.kind ? props.busyLabel : props.label}
            </Button>
        </li>
    );
}

/** Where a file was written, announced: the status region is always there, so the path is read when it appears. */
export function SavedFileStatus(props: { id: string; message: string | null; onClose: () => void }) {
    return (
        <div role="status">
            {props.message !== null && (
                <Alert
                    id={props.id}
                    severity="success"
                    small
                    className="fr-mb-2w"
                    description={<span className="po-break">{props.message}</span>}
                    closable
                    isClosed={false}
                    onClose={props.onClose}
                />
            )}
        </div>
    );
}
