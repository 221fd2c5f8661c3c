/**
 * A plan's citizen jury sessions (`#/plans/<id>/jurys`): each with its day, cohort, the
 * institution that runs it, its jurors out of 15, applications and sheets handed in. Only the
 * laptops of that institution hold a session: elsewhere the list is empty. « Ouvrir une
 * session » opens the form here; « Rejoindre une salle » brings a session from the jury room's
 * laptop that has it.
 */
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useState } from "react";
import { JURY_LIMITS } from "../../../core/commands";
import { useBackend } from "../../backendContext";
import { useLocale, useT } from "../../i18n";
import { formatDate } from "../../i18n/format";
import { href, navigate } from "../../router";
import { DataTable } from "../../shared/DataTable";
import { ExchangeImportButton, ExchangeImportResult, useExchangeImport } from "../../shared/ExchangeFiles";
import { institutionLabel } from "../../shared/institutionLabel";
import { LoadFailure } from "../../shared/LoadFailure";
import { Loading } from "../../shared/Loading";
import { SyncRefreshNotice } from "../../shared/SyncRefreshNotice";
import { useLoad } from "../../shared/useLoad";
import { useSyncRevision } from "../../shared/useSyncRevision";
import { RoomJoin } from "../../shared/WorkshopRoom";
import { JurySessionForm } from "./JurySessionForm";

export function JurySessionsPage(props: { planId: string }) {
    const t = useT();
    const j = t.jury;
    const locale = useLocale();
    const backend = useBackend();
    const load = useLoad(async () => {
        const [plans, sessions, institutions, own] = await Promise.all([
            backend.listPlans(),
            backend.listJurySessions(props.planId),
            backend.listInstitutions(),
            backend.getOwnInstitution()
        ]);
        return { plan: plans.find(p => p.id === props.planId), sessions, institutions, own };
    }, [backend, props.planId]);
    const revision = useSyncRevision(load.reload);
    const [opening, setOpening] = useState(false);
    const exchange = useExchangeImport(() => load.reload());
    if (load.data === undefined) return load.failure ? <LoadFailure failure={load.failure} /> : <Loading />;
    const { plan, sessions, institutions, own } = load.data;
    if (plan === undefined) return <LoadFailure failure={{ code: "notFound", message: t.app.notFoundText, fields: [] }} />;
    return (
        <>
            <Breadcrumb
                homeLinkProps={{ href: href.plans() }}
                segments={[{ label: plan.title, linkProps: { href: href.overview(plan.id) } }]}
                currentPageLabel={j.title}
                className="fr-mt-0 fr-mb-3w"
            />
            <div className="po-page-head">
                <div className="po-page-head__main">
                    <h1 className="fr-mb-1w">{j.title}</h1>
                    <p className="po-measure fr-mb-0">{j.intro}</p>
                </div>
                <div className="po-page-head__actions">
                    {!plan.library && !opening && (
                        <Button iconId="fr-icon-add-line" id="jury-session-new" onClick={() => setOpening(true)}>
                            {j.newSession}
                        </Button>
                    )}
                    <ExchangeImportButton id="jury-sessions-import-exchange" exchange={exchange} />
                </div>
            </div>
            <SyncRefreshNotice revision={revision} />
            <ExchangeImportResult id="jury-sessions-import-result" exchange={exchange} as="h2" />
            {/* A session this computer does not have yet: the room of the laptop that has it sends it. */}
            <details className="po-card fr-mb-3w" id="jury-sessions-room">
                <summary className="fr-text--lg fr-mb-0">{t.roomLink.join}</summary>
                <div className="fr-mt-2w">
                    <RoomJoin subject={null} onJoined={() => void load.reload()} />
                </div>
            </details>
            {opening && (
                <JurySessionForm
                    planId={plan.id}
                    institutions={institutions}
                    own={own}
                    onSaved={session => navigate(href.jurySession(session.id))}
                    onCancel={() => setOpening(false)}
                />
            )}
            {sessions.length === 0 ? (
                <p className="po-muted" id="jury-sessions-none">
                    {j.none}
                </p>
            ) : (
                <DataTable
                    id="jury-sessions"
                    caption={j.tableCaption}
                    hiddenCaption
                    headers={[j.columns.date, j.columns.title, j.columns.institution, j.columns.jurors, j.columns.applications, j.columns.sheets]}
                    rows={sessions.map(summary => ({
                        key: summary.session.id,
                        cells: [
                            <span key="date" className="po-nowrap">
                                {formatDate(summary.session.heldOn, locale)}
                            </span>,
                            <a key="title" className="fr-link" href={href.jurySession(summary.session.id)}>
                                {summary.session.title}
                            </a>,
                            institutionLabel(summary.institution),
                            j.outOf(summary.jurors, JURY_LIMITS.jurorsMax),
                            summary.applications,
                            summary.sheets
                        ]
                    }))}
                />
            )}
        </>
    );
}
