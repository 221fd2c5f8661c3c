/**
 * What sync leaves to the person: conflicts to resolve (my version, theirs, or a text of their
 * own) and changes the server refused (to copy, then dismiss). Read again whenever the counts
 * in the sync status change, without losing a text being edited (each card keeps its own).
 */
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { createModal } from "@codegouvfr/react-dsfr/Modal";
import { useEffect, useRef, useState } from "react";
import type { ConflictView, RejectionView } from "../../../core/bindings";
import { toFailure } from "../../../core/backend";
import { useBackend } from "../../backendContext";
import { useT } from "../../i18n";
import { href } from "../../router";
import { ConfirmModal } from "../../shared/ConfirmModal";
import { FailureAlert, SuccessNotice } from "../../shared/FailureAlert";
import { LoadFailure } from "../../shared/LoadFailure";
import { Loading } from "../../shared/Loading";
import { openModal } from "../../shared/modalFocus";
import { useNow } from "../../shared/SyncStatusBar";
import { useSyncStatus } from "../../shared/syncStatus";
import { useLoad } from "../../shared/useLoad";
import { ConflictCard } from "./ConflictCard";
import { RejectionCard } from "./RejectionCard";

const discardModal = createModal({ id: "rejection-discard-modal", isOpenedByDefault: false });

type Inbox = { conflicts: ConflictView[]; rejections: RejectionView[] };

export function SyncInboxPage(props: { section: "conflicts" | "rejections" }) {
    const t = useT();
    const backend = useBackend();
    const status = useSyncStatus();
    const now = useNow();
    const inbox = useLoad<Inbox>(
        async () => {
            const [conflicts, rejections] = await Promise.all([backend.listConflicts(), backend.listRejections()]);
            return { conflicts, rejections };
        },
        [backend]
    );
    const [notice, setNotice] = useState<string | null>(null);
    const [toDiscard, setToDiscard] = useState<RejectionView | null>(null);
    const [discardFailure, setDiscardFailure] = useState<ReturnType<typeof toFailure> | null>(null);

    // New conflicts or refusals, or ones dealt with elsewhere: read the lists again.
    const counts = status ? `${status.conflicts}/${status.rejections}/${status.revision}` : null;
    const firstCounts = useRef(counts);
    const { reload } = inbox;
    useEffect(() => {
        if (counts === null || counts === firstCounts.current) return;
        firstCounts.current = counts;
        void reload();
    }, [counts, reload]);

    async function resolved(message: string, conflictId: number) {
        const before = inbox.data?.conflicts ?? [];
        const index = before.findIndex(c => c.id === conflictId);
        setNotice(message);
        await reload();
        // The focus goes to the next conflict, or to the list's title when none is left.
        const next = before[index + 1] ?? before[index - 1];
        const target = document.getElementById(next ? `conflict-${next.id}-title` : "sync-conflicts-title");
        if (target) {
            target.tabIndex = -1;
            target.focus();
        }
    }

    async function discard() {
        if (!toDiscard) return;
        const rejection = toDiscard;
        try {
            await backend.discardRejection(rejection.id);
            setDiscardFailure(null);
            setNotice(t.sync.inbox.discarded(rejection.recordTitle));
        } catch (error) {
            setDiscardFailure(toFailure(error));
        }
        await reload();
        document.getElementById("sync-rejections-title")?.focus();
    }

    if (inbox.data === undefined) return inbox.failure ? <LoadFailure failure={inbox.failure} /> : <Loading />;
    const { conflicts, rejections } = inbox.data;
    const i = t.sync.inbox;

    return (
        <>
            <Breadcrumb
                homeLinkProps={{ href: href.plans() }}
                segments={[{ label: t.sync.settings.title, linkProps: { href: href.sync() } }]}
                currentPageLabel={i.breadcrumb}
                className="fr-mt-0 fr-mb-3w"
            />
            <h1>{i.title}</h1>
            <p className="fr-text--lead po-measure">{i.intro}</p>
            <SuccessNotice message={notice} onClose={() => setNotice(null)} />
            <FailureAlert failure={inbox.failure} />

            <section id="sync-conflicts" aria-labelledby="sync-conflicts-title" className="fr-mb-6w">
                <h2 id="sync-conflicts-title" tabIndex={-1}>
                    {i.conflictsTitle}
                    {conflicts.length > 0 && <span className="po-count"> ({conflicts.length})</span>}
                </h2>
                {conflicts.length === 0 ? (
                    <p className="po-empty">{i.conflictsEmpty}</p>
                ) : (
                    <ul className="po-plain-list">
                        {conflicts.map(conflict => (
                            <li key={conflict.id}>
                                <ConflictCard conflict={conflict} now={now} onResolved={message => void resolved(message, conflict.id)} onGone={() => void reload()} />
                            </li>
                        ))}
                    </ul>
                )}
            </section>

            <section id="sync-rejections" aria-labelledby="sync-rejections-title">
                {/* Opened from "n refused changes", the screen starts here (see `useRouteFocus`). */}
                <h2 id="sync-rejections-title" tabIndex={-1} {...(props.section === "rejections" ? { "data-route-focus": "" } : {})}>
                    {i.rejectionsTitle}
                    {rejections.length > 0 && <span className="po-count"> ({rejections.length})</span>}
                </h2>
                <FailureAlert failure={discardFailure} onClose={() => setDiscardFailure(null)} as="h3" />
                {rejections.length === 0 ? (
                    <p className="po-empty">{i.rejectionsEmpty}</p>
                ) : (
                    <ul className="po-plain-list">
                        {rejections.map(rejection => (
                            <li key={rejection.id}>
                                <RejectionCard
                                    rejection={rejection}
                                    now={now}
                                    onDiscard={() => {
                                        setToDiscard(rejection);
                                        openModal(discardModal);
                                    }}
                                />
                            </li>
                        ))}
                    </ul>
                )}
            </section>

            <ConfirmModal
                modal={discardModal}
                title={i.discardTitle}
                message={toDiscard ? i.discardConfirm(toDiscard.recordTitle) : ""}
                confirmLabel={i.discard}
                confirmIconId="fr-icon-close-circle-line"
                onConfirm={() => void discard()}
            />
        </>
    );
}
