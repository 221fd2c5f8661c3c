/**
 * "Changes received from the server are available. [Show]": shown instead of replacing what the
 * person is typing. A DSFR notice, announced once; the button reads the screen again and puts
 * the focus on the screen's title.
 */
import { useT } from "../i18n";
import type { SyncRevision } from "./useSyncRevision";

export function SyncRefreshNotice(props: { revision: SyncRevision }) {
    const t = useT();
    const { stale, refresh } = props.revision;
    async function show() {
        await refresh();
        const heading = document.querySelector<HTMLElement>("main h1");
        if (heading) {
            heading.tabIndex = -1;
            heading.focus();
        }
    }
    return (
        <div role="status" className="po-refresh-slot">
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
        </div>
    );
}
