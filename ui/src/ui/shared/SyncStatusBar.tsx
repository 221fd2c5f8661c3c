/**
 * The sync status, under the header on every screen: connection, changes still to send, last
 * successful sync, links to what needs the person (conflicts, refused changes) and "Sync now".
 * A polite live region says only what matters: the result of a sync the person asked for, a
 * refused token, new conflicts — not every status the backend sends.
 */
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { useEffect, useRef, useState } from "react";
import type { SyncStatus } from "../../core/bindings";
import { toFailure } from "../../core/backend";
import { useBackend } from "../backendContext";
import { useLocale, useT } from "../i18n";
import { href } from "../router";
import { useSyncStatus } from "./syncStatus";
import { lastSyncText } from "./syncTime";

const BADGE_SEVERITY = {
    notConfigured: undefined,
    online: "success",
    offline: "warning",
    unauthorized: "error"
} as const;

/** The current time, updated every `periodMs`, so that "today" becomes "yesterday" at midnight. */
export function useNow(periodMs = 30_000): Date {
    const [now, setNow] = useState(() => new Date());
    useEffect(() => {
        const timer = setInterval(() => setNow(new Date()), periodMs);
        return () => clearInterval(timer);
    }, [periodMs]);
    return now;
}

export function SyncStatusBar() {
    const t = useT();
    const locale = useLocale();
    const backend = useBackend();
    const status = useSyncStatus();
    const now = useNow();
    const [requested, setRequested] = useState(false);
    const [announcement, setAnnouncement] = useState("");
    useStatusAnnouncements(status, setAnnouncement);

    if (status === null) return null;
    const bar = t.sync.bar;
    const configured = status.connection !== "notConfigured";
    const busy = requested || status.syncing;

    async function syncNow() {
        if (busy) return;
        setRequested(true);
        setAnnouncement("");
        try {
            const result = await backend.syncNow();
            if (result.lastError !== null) setAnnouncement(bar.failed(result.lastError));
            else if (result.pending > 0) setAnnouncement(bar.doneWithPending(result.pending));
            else setAnnouncement(bar.done);
        } catch (error) {
            setAnnouncement(bar.failed(toFailure(error).message));
        } finally {
            setRequested(false);
        }
    }

    return (
        <section id="sync-status" className="po-sync-bar" aria-label={bar.label} data-connection={status.connection}>
            <div className="fr-container po-sync-bar__inner">
                <ul className="po-sync-bar__facts">
                    <li>
                        <Badge as="span" small id="sync-connection" severity={BADGE_SEVERITY[status.connection]}>
                            {bar.connection[status.connection]}
                        </Badge>
                    </li>
                    {(configured || status.pending > 0) && (
                        <li id="sync-pending">
                            <span
                                className={
                                    status.pending === 0
                                        ? "fr-icon-check-line fr-icon--sm"
                                        : configured
                                          ? "fr-icon-upload-2-line fr-icon--sm"
                                          : "fr-icon-save-line fr-icon--sm"
                                }
                                aria-hidden="true"
                            />{" "}
                            {status.pending === 0 ? bar.allSent : configured ? bar.pending(status.pending) : bar.pendingLocal(status.pending)}
                        </li>
                    )}
                    {status.relay > 0 && (
                        <li id="sync-relay-count">
                            <span className="fr-icon-upload-2-line fr-icon--sm" aria-hidden="true" /> {bar.relay(status.relay)}
                        </li>
                    )}
                    {/* While a reception is under way, its progress says more than the last exchange. */}
                    {configured && status.receiving === null && (
                        <li id="sync-last">
                            <span className="fr-icon-time-line fr-icon--sm" aria-hidden="true" />{" "}
                            {status.lastSuccess === null ? bar.never : bar.last(lastSyncText(t, status.lastSuccess, now, locale))}
                        </li>
                    )}
                    {!configured && <li className="po-muted">{bar.localOnly}</li>}
                    {status.receiving !== null && (
                        <li id="sync-receiving" className="po-sync-bar__receiving">
                            <span className="fr-icon-download-line fr-icon--sm" aria-hidden="true" />{" "}
                            {bar.receiving(status.receiving.received, status.receiving.total)}
                            {status.receiving.total !== null && (
                                <progress
                                    aria-label={bar.receivingProgress}
                                    max={status.receiving.total}
                                    value={Math.min(status.receiving.received, status.receiving.total)}
                                />
                            )}
                            {status.receiving.secondsLeft !== null && <span className="po-muted">{bar.timeLeft(status.receiving.secondsLeft)}</span>}
                        </li>
                    )}
                    {status.paused && (
                        <li id="sync-paused">
                            <span className="fr-icon-pause-circle-line fr-icon--sm" aria-hidden="true" /> {bar.paused}
                        </li>
                    )}
                </ul>
                <ul className="po-sync-bar__actions">
                    {status.conflicts > 0 && (
                        <li>
                            <a id="sync-conflicts-link" className="fr-link fr-link--sm fr-link--icon-left fr-icon-git-merge-line po-sync-bar__alert" href={href.syncInbox()}>
                                <span className="po-wide-only">{bar.conflicts(status.conflicts)}</span>
                                <span className="po-narrow-only">{bar.conflictsShort(status.conflicts)}</span>
                            </a>
                        </li>
                    )}
                    {status.rejections > 0 && (
                        <li>
                            <a
                                id="sync-rejections-link"
                                className="fr-link fr-link--sm fr-link--icon-left fr-icon-error-warning-line po-sync-bar__alert"
                                href={href.syncRejections()}
                            >
                                <span className="po-wide-only">{bar.rejections(status.rejections)}</span>
                                <span className="po-narrow-only">{bar.rejectionsShort(status.rejections)}</span>
                            </a>
                        </li>
                    )}
                    {!configured && (
                        <li>
                            <a id="sync-configure-link" className="fr-link fr-link--sm fr-link--icon-left fr-icon-settings-5-line" href={href.sync()}>
                                {bar.configure}
                            </a>
                        </li>
                    )}
                    {status.connection === "unauthorized" && (
                        <li>
                            <a id="sync-token-link" className="fr-link fr-link--sm fr-link--icon-left fr-icon-lock-line" href={href.sync()}>
                                {bar.newToken}
                            </a>
                        </li>
                    )}
                    {status.receiving !== null && !status.paused && (
                        <li>
                            <button
                                type="button"
                                id="sync-pause"
                                className="fr-btn fr-btn--sm fr-btn--tertiary fr-btn--icon-left fr-icon-pause-circle-line"
                                onClick={() => void backend.pauseSync().catch((error: unknown) => setAnnouncement(bar.failed(toFailure(error).message)))}
                            >
                                {bar.pause}
                            </button>
                        </li>
                    )}
                    {(status.connection === "online" || status.connection === "offline") && status.receiving === null && (
                        <li>
                            <button
                                type="button"
                                id="sync-now"
                                className="fr-btn fr-btn--sm fr-btn--tertiary fr-btn--icon-left fr-icon-refresh-line"
                                aria-disabled={busy}
                                onClick={() => void syncNow()}
                            >
                                {busy ? bar.syncing : status.paused ? bar.resume : bar.syncNow}
                            </button>
                        </li>
                    )}
                </ul>
            </div>
            <p className="fr-sr-only" role="status" aria-live="polite" data-testid="sync-announcement">
                {announcement}
            </p>
        </section>
    );
}

/** Announces, once each, the changes of status that need the person: a refused token, new conflicts. */
function useStatusAnnouncements(status: SyncStatus | null, announce: (text: string) => void) {
    const t = useT();
    const previous = useRef<SyncStatus | null>(null);
    useEffect(() => {
        const before = previous.current;
        previous.current = status;
        if (before === null || status === null) return;
        if (status.connection === "unauthorized" && before.connection !== "unauthorized") announce(t.sync.bar.tokenRefused);
        else if (status.conflicts > before.conflicts) announce(t.sync.bar.newConflicts(status.conflicts));
    }, [status, announce, t]);
}
