/**
 * Screens read again when changes from the server were written locally (`SyncStatus.revision`
 * goes up). If the person is in the middle of typing — or, on an autosaved screen, a change is
 * not saved yet — nothing is replaced: `stale` turns true and the screen shows
 * {@link SyncRefreshNotice}, whose button calls `refresh`.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { isTypingInField } from "./typing";
import { useSyncStatus } from "./syncStatus";

export type SyncRevision = {
    /** Changes arrived that the screen does not show yet. */
    stale: boolean;
    /** Reads the screen's data again now. */
    refresh: () => Promise<void>;
};

export function useSyncRevision(reload: () => Promise<void>, options: { isBusy?: () => boolean } = {}): SyncRevision {
    const status = useSyncStatus();
    const revision = status?.revision ?? null;
    const [stale, setStale] = useState(false);
    // The revision the data on screen reflects: the one known when the screen was opened.
    const shown = useRef<number | null>(revision);
    const latest = useRef({ reload, isBusy: options.isBusy });
    latest.current = { reload, isBusy: options.isBusy };

    const refresh = useCallback(async () => {
        const target = revision;
        await latest.current.reload();
        shown.current = target;
        setStale(false);
    }, [revision]);

    useEffect(() => {
        if (revision === null) return;
        if (shown.current === null) {
            shown.current = revision;
            return;
        }
        if (revision === shown.current) return;
        const busy = isTypingInField() || (latest.current.isBusy?.() ?? false);
        if (busy) setStale(true);
        else void refresh();
    }, [revision, refresh]);

    return { stale, refresh };
}
