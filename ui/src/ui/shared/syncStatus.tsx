/**
 * The sync status, for the whole app: read once at start, then kept up to date by the
 * backend's notifications (one subscription, here). `null` until the first answer.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import type { SyncStatus } from "../../core/bindings";
import { useBackend } from "../backendContext";

const SyncStatusContext = createContext<SyncStatus | null>(null);

export function SyncStatusProvider(props: { children: ReactNode }) {
    const backend = useBackend();
    const [status, setStatus] = useState<SyncStatus | null>(null);
    useEffect(() => {
        let live = true;
        let notified = false;
        let stop: (() => void) | null = null;
        backend
            .onSyncStatus(next => {
                notified = true;
                if (live) setStatus(next);
            })
            .then(
                unlisten => {
                    if (live) stop = unlisten;
                    else unlisten();
                },
                () => undefined // No notifications: the status still shows what was read.
            );
        backend.getSyncStatus().then(
            initial => {
                // A notification that came first is newer than this answer.
                if (live && !notified) setStatus(initial);
            },
            () => undefined
        );
        return () => {
            live = false;
            stop?.();
        };
    }, [backend]);
    return <SyncStatusContext.Provider value={status}>{props.children}</SyncStatusContext.Provider>;
}

export function useSyncStatus(): SyncStatus | null {
    return useContext(SyncStatusContext);
}
