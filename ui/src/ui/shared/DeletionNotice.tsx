/**
 * After an area, a commitment or a milestone is deleted, a notice at the top of the screen says
 * what was deleted and offers to undo it, for a while and across screens (deleting a commitment
 * leaves its page). Undoing asks the core to bring the records back (`restoreDeletion`: new
 * records with the same content, in the same place), then lets the screen that deleted read
 * again. One notice at a time: the latest deletion.
 */
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useEffect, useState, useSyncExternalStore } from "react";
import type { DeletionId } from "../../core/bindings";
import { toFailure } from "../../core/backend";
import { useBackend } from "../backendContext";
import { useT } from "../i18n";
import { UNDO_SECONDS } from "./undoWindow";


export type Deleted = {
    deletion: DeletionId;
    /** What was deleted, in a sentence ("L'engagement « … » a été supprimé."). */
    message: string;
    /** Called with the new id of the record brought back. */
    onRestored?: (id: string) => void;
};

let current: Deleted | null = null;
const listeners = new Set<() => void>();
const publish = (next: Deleted | null) => {
    current = next;
    listeners.forEach(listener => listener());
};

/** Shows the notice of a deletion just done. */
export function showDeletion(deleted: Deleted): void {
    publish(deleted);
}

export function DeletionNotice() {
    const t = useT();
    const backend = useBackend();
    const deleted = useSyncExternalStore(
        listener => {
            listeners.add(listener);
            return () => listeners.delete(listener);
        },
        () => current
    );
    const [outcome, setOutcome] = useState<{ error: boolean; text: string } | null>(null);

    useEffect(() => {
        if (deleted === null) return;
        setOutcome(null);
        const timer = setTimeout(() => publish(null), UNDO_SECONDS * 1000);
        return () => clearTimeout(timer);
    }, [deleted]);

    if (deleted === null && outcome === null) return null;
    const undo = (d: Deleted) =>
        backend.restoreDeletion(d.deletion).then(
            id => {
                publish(null);
                setOutcome({ error: false, text: t.deletion.restored });
                d.onRestored?.(id);
            },
            error => {
                publish(null);
                setOutcome({ error: true, text: toFailure(error).message });
            }
        );
    return (
        <div id="deletion-notice" className={`fr-alert fr-alert--sm fr-mb-3w ${outcome?.error ? "fr-alert--error" : "fr-alert--info"}`}>
            <p role="status">{deleted !== null ? deleted.message : outcome?.text}</p>
            {deleted !== null && (
                <Button id="deletion-undo" size="small" priority="secondary" iconId="fr-icon-arrow-go-back-line" className="fr-mt-1w" onClick={() => void undo(deleted)}>
                    {t.deletion.undo}
                </Button>
            )}
            <button
                type="button"
                className="fr-btn--close fr-btn"
                title={t.deletion.close}
                onClick={() => {
                    publish(null);
                    setOutcome(null);
                }}
            >
                {t.deletion.close}
            </button>
        </div>
    );
}
