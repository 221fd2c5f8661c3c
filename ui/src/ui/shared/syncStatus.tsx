/**
 * The sync status, for the whole app: read once at start, then kept up to date by the
 * backend's notifications (one subscription, here). `null` until the first answer. Should the
 * subscription be refused (a missing permission in the desktop app), the status is read again
 * every few seconds instead, so that it never goes stale silently.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import type { SyncStatus } from "../../core/bindings";
import { useBackend } from "../backendContext";

const SyncStatusContext = createContext<SyncStatus | null>(null);

const POLL_MS = 5_000;

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
                error => {
                    // eslint-disable-next-line no-console -- a diagnostic for a developer: the status still updates, by polling
                    console.warn("sync status notifications unavailable; polling instead", error);
                    const timer = setInterval(() => {
                        backend.getSyncStatus().then(next => live && setStatus(next), () => undefined);
                    }, POLL_MS);
                    if (live) stop = () => clearInterval(timer);
                    else clearInterval(timer);
                }
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
