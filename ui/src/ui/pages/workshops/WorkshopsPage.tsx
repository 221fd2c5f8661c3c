/**
 * A plan's co-construction workshops (`#/plans/<id>/ateliers`): each with its day, title,
 * organising institution, how many took part, contributed, and how many contributions have had
 * their outcome said; « Préparer un atelier » opens the preparation form here, and « Importer un
 * fichier d'échange » takes in a workshop brought from another computer on a USB stick.
 */
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useState } from "react";
import { useBackend } from "../../backendContext";
import { useLocale, useT } from "../../i18n";
import { formatDate } from "../../i18n/format";
import { href, navigate } from "../../router";
import { DataTable } from "../../shared/DataTable";
import { ExchangeImportButton, ExchangeImportResult, useExchangeImport } from "../../shared/ExchangeFiles";
import { LoadFailure } from "../../shared/LoadFailure";
import { Loading } from "../../shared/Loading";
import { institutionLabel } from "../../shared/institutionLabel";
import { SyncRefreshNotice } from "../../shared/SyncRefreshNotice";
import { useLoad } from "../../shared/useLoad";
import { RoomJoin } from "../../shared/WorkshopRoom";
import { useSyncRevision } from "../../shared/useSyncRevision";
import { WorkshopForm } from "./WorkshopForm";
import { useWorkshopChoices } from "./choices";

export function WorkshopsPage(props: { planId: string }) {
    const t = useT();
    const w = t.workshops;
    const locale = useLocale();
    const backend = useBackend();
    const load = useLoad(async () => {
        const [plans, workshops] = await Promise.all([backend.listPlans(), backend.listWorkshops(props.planId)]);
        const plan = plans.find(p => p.id === props.planId);
        return { plan, workshops };
    }, [backend, props.planId]);
    const revision = useSyncRevision(load.reload);
    const [preparing, setPreparing] = useState(false);
    const exchange = useExchangeImport(() => load.reload());
    if (load.data === undefined) return load.failure ? <LoadFailure failure={load.failure} /> : <Loading />;
    const { plan, workshops } = load.data;
    if (plan === undefined) return <LoadFailure failure={{ code: "notFound", message: t.app.notFoundText, fields: [] }} />;
    return (
        <>
            <Breadcrumb
                homeLinkProps={{ href: href.plans() }}
                segments={[{ label: plan.title, linkProps: { href: href.overview(plan.id) } }]}
                currentPageLabel={w.breadcrumb}
                className="fr-mt-0 fr-mb-3w"
            />
            <div className="po-page-head">
                <div className="po-page-head__main">
                    <h1 className="fr-mb-1w">{w.title}</h1>
                    <p className="po-measure fr-mb-0">{w.intro}</p>
                </div>
                <div className="po-page-head__actions">
                    {!plan.library && !preparing && (
                        <Button iconId="fr-icon-add-line" id="workshop-new" onClick={() => setPreparing(true)}>
                            {w.prepare}
                        </Button>
                    )}
                    <ExchangeImportButton id="workshops-import-exchange" exchange={exchange} />
                </div>
            </div>
            <SyncRefreshNotice revision={revision} />
            <ExchangeImportResult id="workshops-import-result" exchange={exchange} as="h2" />
            <details className="po-card fr-mb-3w" id="workshops-room">
                <summary className="fr-text--lg fr-mb-0">{t.roomLink.join}</summary>
                <div className="fr-mt-2w">
                    <RoomJoin subject={null} onJoined={() => void load.reload()} />
                </div>
            </details>
            {preparing && (
                <Preparation
                    planId={plan.id}
                    onSaved={id => navigate(href.workshop(id))}
                    onCancel={() => setPreparing(false)}
                />
            )}
            {workshops.length === 0 ? (
                <p className="po-muted" id="workshops-none">
                    {w.none}
                </p>
            ) : (
                <DataTable
                    id="workshops"
                    caption={w.tableCaption}
                    hiddenCaption
                    headers={[w.columns.date, w.columns.title, w.columns.institution, w.columns.participants, w.columns.contributions, w.columns.decided]}
                    rows={workshops.map(summary => ({
                        key: summary.workshop.id,
                        cells: [
                            <span key="date" className="po-nowrap">
                                {formatDate(summary.workshop.heldOn, locale)}
                            </span>,
                            <a key="title" className="fr-link" href={href.workshop(summary.workshop.id)}>
                                {summary.workshop.title}
                            </a>,
                            institutionLabel(summary.institution),
                            summary.participants,
                            summary.contributions,
                            w.decided(summary.decided, summary.contributions)
                        ]
                    }))}
                />
            )}
        </>
    );
}

/** The preparation form, once what it offers to choose from is read. */
function Preparation(props: { planId: string; onSaved: (workshopId: string) => void; onCancel: () => void }) {
    const choices = useWorkshopChoices(props.planId);
    if (choices.data === undefined) return choices.failure ? <LoadFailure failure={choices.failure} /> : <Loading />;
    return (
        <WorkshopForm
            planId={props.planId}
            areas={choices.data.areas}
            targets={choices.data.targets}
            institutions={choices.data.institutions}
            own={choices.data.own}
            onSaved={workshop => props.onSaved(workshop.id)}
            onCancel={props.onCancel}
        />
    );
}
