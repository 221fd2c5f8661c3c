/**
 * "Changes received from the server are available. [Show]": shown instead of replacing what the
 * person is typing. A DSFR notice in a polite live region (announced once); the button reads the
 * screen again, says so, and puts the focus on the screen's title.
 */
import { useEffect, useState } from "react";
import { useT } from "../i18n";
import type { SyncRevision } from "./useSyncRevision";

export function SyncRefreshNotice(props: { revision: SyncRevision }) {
    const t = useT();
    const { stale, refresh } = props.revision;
    const [shown, setShown] = useState(false);
    useEffect(() => {
        if (stale) setShown(false);
    }, [stale]);

    async function show() {
        await refresh();
        setShown(true);
        const heading = document.querySelector<HTMLElement>("main h1");
        if (heading) {
            heading.tabIndex = -1;
            heading.focus();
        }
    }

    return (
        <div role="status" aria-live="polite">
            {stale && (
                <div className="fr-notice fr-notice--info po-refresh-notice" data-testid="sync-refresh-notice">
                    <div className="fr-notice__body po-refresh-notice__body">
                        <p className="fr-notice__title">{t.sync.refresh.notice}</p>
                        <button type="button" id="sync-refresh" className="fr-btn fr-btn--sm fr-btn--secondary" onClick={() => void show()}>
                            {t.sync.refresh.show}
                        </button>
                    </div>
                </div>
            )}
            {!stale && shown && <p className="fr-sr-only">{t.sync.refresh.shown}</p>}
        </div>
    );
}
