/**
 * Where a record's changes stand with the server, beside "saved": not yet sent, sent, or refused
 * (with the way to the refused changes). Shown only once a server is configured: before that,
 * everything stays on this computer, which the status bar says.
 */
import { useEffect, useState } from "react";
import type { RecordSyncState } from "../../core/bindings";
import { useT } from "../i18n";
import { href } from "../router";
import { useSyncStatus } from "./syncStatus";

export function RecordSyncLine(props: {
    /** Reads the record's state; called again whenever the app's sync status or `savedAt` changes. */
    read: () => Promise<RecordSyncState>;
    savedAt: unknown;
}) {
    const t = useT();
    const status = useSyncStatus();
    const [state, setState] = useState<RecordSyncState | null>(null);
    const { read, savedAt } = props;
    const pending = status?.pending;
    const rejections = status?.rejections;
    useEffect(() => {
        let live = true;
        read().then(
            next => live && setState(next),
            () => undefined
        );
        return () => {
            live = false;
        };
    }, [read, savedAt, pending, rejections]);
    if (status === null || status.connection === "notConfigured" || state === null) return null;
    const s = t.syncLine;
    if (state.refused > 0) {
        return (
            <p className="po-sync-line po-sync-line--refused" data-testid="record-sync">
                <span className="fr-icon-error-warning-line fr-icon--sm" aria-hidden="true" />{" "}
                <a className="fr-link fr-link--sm" href={href.syncRejections()}>
                    {s.refused(state.refused)}
                </a>
            </p>
        );
    }
    return (
        <p className="po-sync-line" data-testid="record-sync">
            <span className={state.pending > 0 ? "fr-icon-upload-2-line fr-icon--sm" : "fr-icon-cloud-line fr-icon--sm"} aria-hidden="true" />{" "}
            {state.pending > 0 ? s.notSent : s.sent}
        </p>
    );
}
