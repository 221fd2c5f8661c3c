/**
 * A reporting round (`#/campagnes/<id>`): what it asks and by when; per institution, what is
 * reported, late or to do, each item leading to where it is reported; the list of contacts to
 * remind, exported as CSV. A drafter or a reader sees their institution's part.
 */
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useState } from "react";
import type { Failure, RoundItemState, RoundProgress } from "../../../core/bindings";
import { toFailure } from "../../../core/backend";
import { useBackend } from "../../backendContext";
import { useLocale, useT } from "../../i18n";
import { formatDate } from "../../i18n/format";
import { href, navigate } from "../../router";
import { DataTable } from "../../shared/DataTable";
import { showDeletion } from "../../shared/DeletionNotice";
import { FailureAlert } from "../../shared/FailureAlert";
import { institutionLabel } from "../../shared/institutionLabel";
import { LoadFailure } from "../../shared/LoadFailure";
import { Loading } from "../../shared/Loading";
import { SyncRefreshNotice } from "../../shared/SyncRefreshNotice";
import { useLoad } from "../../shared/useLoad";
import { useSyncRevision } from "../../shared/useSyncRevision";
import { RoundForm } from "./RoundsSection";

const SEVERITY: Record<RoundItemState, "success" | "error" | "info"> = { reported: "success", late: "error", toDo: "info" };

export function RoundPage(props: { roundId: string }) {
    const backend = useBackend();
    const load = useLoad(async () => {
        const progress = await backend.getRoundProgress(props.roundId);
        const plan = (await backend.listPlans()).find(p => p.id === progress.round.planId);
        return { progress, planTitle: plan?.title ?? "" };
    }, [backend, props.roundId]);
    const revision = useSyncRevision(load.reload);
    if (load.data === undefined) return load.failure ? <LoadFailure failure={load.failure} /> : <Loading />;
    return (
        <>
            <SyncRefreshNotice revision={revision} />
            <RoundView progress={load.data.progress} planTitle={load.data.planTitle} reload={load.reload} />
        </>
    );
}

function RoundView(props: { progress: RoundProgress; planTitle: string; reload: () => Promise<void> }) {
    const t = useT();
    const r = t.rounds;
    const locale = useLocale();
    const backend = useBackend();
    const { progress } = props;
    const { round } = progress;
    const [editing, setEditing] = useState(false);
    const [failure, setFailure] = useState<Failure | null>(null);
    const [exported, setExported] = useState<string | null>(null);
    const totals = progress.institutions.reduce(
        (sum, i) => ({ reported: sum.reported + i.reported, late: sum.late + i.late, toDo: sum.toDo + i.toDo }),
        { reported: 0, late: 0, toDo: 0 }
    );
    const contacts = progress.institutions.reduce((n, i) => n + i.contacts.length, 0);

    async function exportContacts() {
        try {
            setExported(await backend.exportRoundContacts(round.id));
            setFailure(null);
        } catch (error) {
            setFailure(toFailure(error));
        }
    }

    async function remove() {
        try {
            const deletion = await backend.deleteRound(round.id);
            showDeletion({ deletion, message: r.deleted(round.title), onRestored: id => navigate(href.round(id)) });
            navigate(href.dashboard(round.planId));
        } catch (error) {
            setFailure(toFailure(error));
        }
    }

    return (
        <>
            <Breadcrumb
                homeLinkProps={{ href: href.plans() }}
                segments={[
                    { label: props.planTitle, linkProps: { href: href.overview(round.planId) } },
                    { label: t.dashboard.breadcrumb, linkProps: { href: href.dashboard(round.planId) } }
                ]}
                currentPageLabel={round.title}
                className="fr-mt-0 fr-mb-3w"
            />
            <div className="po-page-head">
                <div className="po-page-head__main">
                    {r.kinds[round.kind] !== round.title && <p className="po-number fr-mb-1v">{r.kinds[round.kind]}</p>}
                    <h1 className="fr-mb-1w">{round.title}</h1>
                    <p className="fr-mb-0" id="round-dates">
                        {r.dates(formatDate(round.opensOn, locale), formatDate(round.dueOn, locale))}
                    </p>
                </div>
                {progress.readOnly === null && !editing && (
                    <div className="po-page-head__actions">
                        <Button priority="secondary" iconId="fr-icon-edit-line" onClick={() => setEditing(true)} id="round-edit">
                            {r.edit}
                        </Button>
                        <Button priority="tertiary" iconId="fr-icon-delete-line" onClick={() => void remove()} id="round-delete">
                            {r.delete}
                        </Button>
                    </div>
                )}
            </div>
            <FailureAlert failure={failure} onClose={() => setFailure(null)} />
            {editing && (
                <RoundForm
                    planId={round.planId}
                    round={round}
                    onSaved={() => {
                        setEditing(false);
                        void props.reload();
                    }}
                    onCancel={() => setEditing(false)}
                />
            )}
            {round.instructions !== "" && <p className="po-measure po-prewrap">{round.instructions}</p>}
            <p className="fr-text--bold" id="round-summary">
                {progress.ownOnly ? r.ownIntro(formatDate(round.dueOn, locale)) : ""} {r.summary(totals.reported, totals.late, totals.toDo)}
            </p>
            {!progress.ownOnly && (
                <div className="po-form-actions fr-mb-3w">
                    <Button
                        priority="secondary"
                        iconId="fr-icon-mail-line"
                        id="round-export-contacts"
                        disabled={contacts === 0}
                        onClick={() => void exportContacts()}
                    >
                        {r.exportContacts(contacts)}
                    </Button>
                    {exported && (
                        <p className="fr-text--sm fr-mb-0" role="status" id="round-exported">
                            {r.exported(exported)}
                        </p>
                    )}
                </div>
            )}
            {progress.institutions.length === 0 ? (
                <p className="po-muted">{r.nothingExpected}</p>
            ) : (
                <DataTable
                    id="round-institutions"
                    caption={r.tableCaption}
                    headers={[r.institution, r.reported, r.late, r.toDo, r.items]}
                    rowHeaders
                    rows={progress.institutions.map(part => ({
                        key: part.institution.id,
                        cells: [
                            institutionLabel(part.institution),
                            part.reported,
                            part.late,
                            part.toDo,
                            <ul key="items" className="po-round-items fr-raw-list">
                                {part.items.map(item => (
                                    <li key={`${item.commitmentId}/${item.milestoneId ?? ""}`}>
                                        <Badge as="span" small noIcon severity={SEVERITY[item.state]}>
                                            {r.states[item.state]}
                                        </Badge>{" "}
                                        <a
                                            className="fr-link fr-text--sm"
                                            href={
                                                item.milestoneId === null
                                                    ? href.commitment(item.commitmentId)
                                                    : href.milestoneProgress(item.commitmentId, item.milestoneId)
                                            }
                                        >
                                            {item.number} — {item.title}
                                        </a>
                                    </li>
                                ))}
                            </ul>
                        ]
                    }))}
                />
            )}
        </>
    );
}
