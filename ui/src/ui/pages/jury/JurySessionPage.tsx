/**
 * A jury session (`#/jurys/<id>`): its cohort, day, places and institution (changed here unless
 * read-only, with the reason), then four tabs — the jurors (15 at most), the applications (typed
 * or imported from the call's CSV file), the scoring (how far each juror is, counted, never their
 * scores; the shared laptop's screen opens apart) and the ranking with its rule.
 */
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { createModal } from "@codegouvfr/react-dsfr/Modal";
import { Tabs } from "@codegouvfr/react-dsfr/Tabs";
import { useState } from "react";
import type { Failure, JuryDetail, Plan } from "../../../core/bindings";
import { toFailure } from "../../../core/backend";
import { JURY_LIMITS } from "../../../core/commands";
import { useBackend } from "../../backendContext";
import { useLocale, useT } from "../../i18n";
import { formatDate } from "../../i18n/format";
import { href, navigate } from "../../router";
import { ConfirmModal } from "../../shared/ConfirmModal";
import { FailureAlert } from "../../shared/FailureAlert";
import { institutionLabel } from "../../shared/institutionLabel";
import { LoadFailure } from "../../shared/LoadFailure";
import { Loading } from "../../shared/Loading";
import { openModal } from "../../shared/modalFocus";
import { ReadOnlyNotice } from "../../shared/ReadOnlyNotice";
import { SyncRefreshNotice } from "../../shared/SyncRefreshNotice";
import { useLoad } from "../../shared/useLoad";
import { useSyncRevision } from "../../shared/useSyncRevision";
import { ApplicationsSection } from "./ApplicationsSection";
import { JurorsSection } from "./JurorsSection";
import { JurySessionForm } from "./JurySessionForm";
import { RankingSection } from "./RankingSection";
import { ScoringSection } from "./ScoringSection";

const deleteSessionModal = createModal({ id: "jury-session-delete-modal", isOpenedByDefault: false });

type Tab = "jurors" | "applications" | "scoring" | "ranking";

export function JurySessionPage(props: { sessionId: string }) {
    const backend = useBackend();
    const load = useLoad(async () => {
        const detail = await backend.getJurySession(props.sessionId);
        const plan = (await backend.listPlans()).find(p => p.id === detail.session.planId);
        return { detail, plan };
    }, [backend, props.sessionId]);
    const revision = useSyncRevision(load.reload);
    if (load.data === undefined) return load.failure ? <LoadFailure failure={load.failure} /> : <Loading />;
    return (
        <>
            <SyncRefreshNotice revision={revision} />
            <SessionView detail={load.data.detail} plan={load.data.plan} reload={load.reload} />
        </>
    );
}

function SessionView(props: { detail: JuryDetail; plan: Plan | undefined; reload: () => Promise<void> }) {
    const t = useT();
    const j = t.jury;
    const l = t.juryLabels;
    const locale = useLocale();
    const backend = useBackend();
    const { detail, plan } = props;
    const { session } = detail;
    const readOnly = detail.readOnly !== null;
    const [tab, setTab] = useState<Tab>(detail.jurors.length === 0 ? "jurors" : detail.applications.length === 0 ? "applications" : "ranking");
    const [editing, setEditing] = useState(false);
    const [failure, setFailure] = useState<Failure | null>(null);

    async function remove() {
        try {
            await backend.deleteJurySession(session.id);
            navigate(href.juries(session.planId));
        } catch (error) {
            setFailure(toFailure(error));
        }
    }

    const tabs: { tabId: Tab; label: string }[] = [
        { tabId: "jurors", label: `${l.jurors} (${j.outOf(detail.jurors.length, JURY_LIMITS.jurorsMax)})` },
        { tabId: "applications", label: `${l.applications} (${detail.applications.length})` },
        ...(readOnly ? [] : [{ tabId: "scoring" as Tab, label: j.scoringTitle }]),
        { tabId: "ranking", label: l.ranking }
    ];
    return (
        <>
            <Breadcrumb
                homeLinkProps={{ href: href.plans() }}
                segments={[
                    ...(plan ? [{ label: plan.title, linkProps: { href: href.overview(plan.id) } }] : []),
                    { label: j.title, linkProps: { href: href.juries(session.planId) } }
                ]}
                currentPageLabel={session.title}
                className="fr-mt-0 fr-mb-3w"
            />
            <div className="po-page-head">
                <div className="po-page-head__main">
                    <p className="fr-badge fr-badge--sm fr-mb-1w">{l.jury}</p>
                    <h1 className="fr-mb-1w">{session.title}</h1>
                    <p className="fr-mb-0" id="jury-session-line">
                        {j.sessionLine(formatDate(session.heldOn, locale), institutionLabel(detail.institution))}
                    </p>
                    <p className="fr-text--bold fr-mb-0" id="jury-session-places">
                        {j.placesLine(session.places)}
                    </p>
                </div>
                {!readOnly && !editing && (
                    <div className="po-page-head__actions">
                        <Button priority="secondary" iconId="fr-icon-edit-line" id="jury-session-edit" onClick={() => setEditing(true)}>
                            {j.editSession}
                        </Button>
                        <Button priority="tertiary" iconId="fr-icon-delete-line" id="jury-session-delete" onClick={() => openModal(deleteSessionModal)}>
                            {j.deleteSession}
                        </Button>
                    </div>
                )}
            </div>
            <ReadOnlyNotice
                id="jury-read-only"
                readOnly={detail.readOnly}
                message={detail.readOnly?.kind === "otherInstitution" ? j.readOnly(detail.readOnly.lead) : undefined}
            />
            <FailureAlert failure={failure} onClose={() => setFailure(null)} />
            {editing && (
                <JurySessionForm
                    planId={session.planId}
                    session={session}
                    institutions={[]}
                    own={null}
                    onSaved={() => {
                        setEditing(false);
                        void props.reload();
                    }}
                    onCancel={() => setEditing(false)}
                />
            )}
            <Tabs id="jury-tabs" label={j.tabsLabel} className="fr-mt-3w" tabs={tabs} selectedTabId={tab} onTabChange={id => setTab(id as Tab)}>
                {tab === "jurors" && <JurorsSection detail={detail} reload={props.reload} />}
                {tab === "applications" && <ApplicationsSection detail={detail} reload={props.reload} />}
                {tab === "scoring" && <ScoringSection detail={detail} />}
                {tab === "ranking" && <RankingSection detail={detail} />}
            </Tabs>
            <ConfirmModal
                modal={deleteSessionModal}
                title={j.deleteSession}
                message={j.deleteSessionConfirm(session.title)}
                confirmLabel={j.deleteSession}
                onConfirm={() => void remove()}
            />
        </>
    );
}
