/**
 * A workshop (`#/ateliers/<id>`): its preparation (changed here unless read-only, with the
 * reason), its participants counted by kind — who they are only on the laptops of the
 * institution that ran it —, its contributions (proposals with their votes, comments with what
 * they are about, votes), each with what became of it and the editor that says it; a
 * contribution typed by mistake is deleted, with the undo notice. « Mode atelier » opens the
 * room's capture. Where the names are held, each participant's data is exported for them or
 * erased at their request (they stay counted, « Participant anonyme »). The workshop's report is
 * exported as a printable page (and its data as JSON or CSV), and the workshop is written to an
 * exchange file to carry to another computer, or opened as a room to the laptops of the room's
 * network (« Ouvrir la salle »), or another laptop's room joined — from here too when this
 * computer does not have the workshop yet.
 */
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { createModal } from "@codegouvfr/react-dsfr/Modal";
import { useState } from "react";
import type { ContributionKind, ContributionView, ExportFormat, Failure, ParticipantView, PlanTarget, ReadOnly, WorkshopDetail } from "../../../core/bindings";
import { toFailure } from "../../../core/backend";
import { useBackend } from "../../backendContext";
import { useLocale, useT, type Messages } from "../../i18n";
import { formatDate } from "../../i18n/format";
import { href, navigate } from "../../router";
import { ConfirmModal } from "../../shared/ConfirmModal";
import { DataTable } from "../../shared/DataTable";
import { showDeletion } from "../../shared/DeletionNotice";
import { ExchangeWrite } from "../../shared/ExchangeFiles";
import { FailureAlert, SuccessNotice } from "../../shared/FailureAlert";
import { institutionLabel } from "../../shared/institutionLabel";
import { LoadFailure } from "../../shared/LoadFailure";
import { Loading } from "../../shared/Loading";
import { openModal } from "../../shared/modalFocus";
import { ReadOnlyNotice } from "../../shared/ReadOnlyNotice";
import { SyncRefreshNotice } from "../../shared/SyncRefreshNotice";
import { useLoad } from "../../shared/useLoad";
import { SavedFileStatus, SaveFileButton, useSaveFile } from "../../shared/useSaveFile";
import { useSyncRevision } from "../../shared/useSyncRevision";
import { RoomHost, RoomJoin } from "../../shared/WorkshopRoom";
import { useWorkshopChoices } from "./choices";
import { numbered, short, TraceEditor } from "./TraceEditor";
import { WorkshopForm } from "./WorkshopForm";

const deleteWorkshopModal = createModal({ id: "workshop-delete-modal", isOpenedByDefault: false });
const eraseModal = createModal({ id: "participant-erase-modal", isOpenedByDefault: false });

const GROUPS: ContributionKind[] = ["proposal", "comment", "vote"];

export function WorkshopPage(props: { workshopId: string }) {
    const t = useT();
    const backend = useBackend();
    const load = useLoad(async () => {
        const detail = await backend.getWorkshop(props.workshopId);
        const targets = await backend.listPlanTargets(detail.workshop.planId);
        return { detail, targets };
    }, [backend, props.workshopId]);
    const revision = useSyncRevision(load.reload);
    if (load.data === undefined) {
        if (!load.failure) return <Loading />;
        return (
            <>
                <LoadFailure failure={load.failure} />
                {/* A workshop this computer does not have yet: the room that has it sends it. */}
                {load.failure.code === "notFound" && (
                    <section className="po-card fr-mt-3w" aria-labelledby="workshop-room-title" id="workshop-room-join">
                        <h2 id="workshop-room-title" className="fr-h4">
                            {t.roomLink.join}
                        </h2>
                        <RoomJoin subject={{ kind: "workshop", workshopId: props.workshopId }} onJoined={() => void load.reload()} />
                    </section>
                )}
            </>
        );
    }
    return (
        <>
            <SyncRefreshNotice revision={revision} />
            <WorkshopView detail={load.data.detail} targets={load.data.targets} reload={load.reload} />
        </>
    );
}

/** Why the workshop is read-only, said of a workshop. */
function readOnlyMessage(t: Messages, readOnly: ReadOnly | null): string | undefined {
    return readOnly?.kind === "otherInstitution" ? t.workshops.readOnly(readOnly.lead) : undefined;
}

function WorkshopView(props: { detail: WorkshopDetail; targets: PlanTarget[]; reload: () => Promise<void> }) {
    const t = useT();
    const w = t.workshops;
    const l = t.workshopLabels;
    const locale = useLocale();
    const backend = useBackend();
    const { detail, targets } = props;
    const { workshop } = detail;
    const [editing, setEditing] = useState(false);
    const [failure, setFailure] = useState<Failure | null>(null);
    const [notice, setNotice] = useState<string | null>(null);
    // The participant whose erasure is being confirmed.
    const [erasing, setErasing] = useState<ParticipantView | null>(null);
    const exportData = useSaveFile<string>();
    const readOnly = detail.readOnly !== null;

    async function erase(view: ParticipantView) {
        try {
            await backend.eraseParticipant(view.participant.id);
            // Where their data was exported names them: nothing of them stays on the screen.
            exportData.clearWritten();
            setNotice(w.erased);
            await props.reload();
            document.querySelector<HTMLElement>("main h1")?.focus();
        } catch (error) {
            setFailure(toFailure(error));
        }
    }

    async function remove() {
        try {
            await backend.deleteWorkshop(workshop.id);
            navigate(href.workshops(workshop.planId));
        } catch (error) {
            setFailure(toFailure(error));
        }
    }

    async function removeContribution(view: ContributionView) {
        try {
            const deletion = await backend.deleteContribution(view.contribution.id);
            showDeletion({
                deletion,
                message: w.contributionDeleted(short(view.contribution.text || l[view.contribution.kind])),
                onRestored: () => void props.reload()
            });
            await props.reload();
            document.querySelector<HTMLElement>("#workshop-contributions-title")?.focus();
        } catch (error) {
            setFailure(toFailure(error));
        }
    }

    const participants = detail.participants.length;
    return (
        <>
            <Breadcrumb
                homeLinkProps={{ href: href.plans() }}
                segments={[
                    { label: detail.planTitle, linkProps: { href: href.overview(workshop.planId) } },
                    { label: w.breadcrumb, linkProps: { href: href.workshops(workshop.planId) } }
                ]}
                currentPageLabel={workshop.title}
                className="fr-mt-0 fr-mb-3w"
            />
            <div className="po-page-head">
                <div className="po-page-head__main">
                    <p className="po-number fr-mb-1v">{l.workshop}</p>
                    <h1 className="fr-mb-1w">{workshop.title}</h1>
                    <p className="fr-mb-0" id="workshop-when">
                        {w.heldLine(formatDate(workshop.heldOn, locale), workshop.place)}
                    </p>
                </div>
                {/* The room records participants: only for those who may (the server would refuse others). */}
                {!readOnly && (
                    <div className="po-page-head__actions">
                        <Button iconId="fr-icon-team-line" linkProps={{ href: href.workshopRoom(workshop.id), id: "workshop-room" }}>
                            {w.room}
                        </Button>
                        {!editing && (
                            <Button priority="secondary" iconId="fr-icon-edit-line" id="workshop-edit" onClick={() => setEditing(true)}>
                                {w.edit}
                            </Button>
                        )}
                    </div>
                )}
            </div>
            <ReadOnlyNotice readOnly={detail.readOnly} message={readOnlyMessage(t, detail.readOnly)} id="workshop-read-only" />
            <FailureAlert failure={failure} onClose={() => setFailure(null)} />
            <SuccessNotice message={notice} onClose={() => setNotice(null)} />

            {editing ? (
                <EditPreparation
                    detail={detail}
                    onSaved={async () => {
                        setEditing(false);
                        setNotice(w.saved);
                        await props.reload();
                    }}
                    onCancel={() => setEditing(false)}
                />
            ) : (
                <section className="po-card" aria-labelledby="workshop-preparation-title" id="workshop-preparation">
                    <h2 id="workshop-preparation-title" className="fr-h4">
                        {w.preparationTitle}
                    </h2>
                    <dl className="po-facts">
                        <dt>{w.facts.institution}</dt>
                        <dd id="workshop-institution">{institutionLabel(detail.institution)}</dd>
                        <dt>{w.facts.facilitator}</dt>
                        <dd>{workshop.facilitator}</dd>
                        <dt>{w.facts.area}</dt>
                        <dd>{detail.areaTitle ?? w.noArea}</dd>
                        <dt>{w.facts.discussed}</dt>
                        <dd>
                            {detail.discussed.length === 0 ? (
                                w.nothingDiscussed
                            ) : (
                                <ul className="fr-mb-0" id="workshop-discussed">
                                    {detail.discussed.map(target => (
                                        <li key={target.commitmentId}>
                                            <a className="fr-link" href={href.commitment(target.commitmentId)}>
                                                {numbered(targets, target.commitmentId, target.title)}
                                            </a>
                                        </li>
                                    ))}
                                </ul>
                            )}
                        </dd>
                        <dt>{w.facts.keepUntil}</dt>
                        <dd id="workshop-keep-until">{formatDate(workshop.keepUntil, locale)}</dd>
                    </dl>
                    <details className="po-consent">
                        <summary>{w.consentTitle}</summary>
                        <p className="po-prewrap fr-mb-0 fr-mt-1w">{workshop.consentText}</p>
                    </details>
                    {!readOnly && <p className="fr-text--sm fr-mt-2w fr-mb-0">{w.roomHint}</p>}
                </section>
            )}

            <section className="po-card" aria-labelledby="workshop-participants-title" id="workshop-participants">
                <h2 id="workshop-participants-title" className="fr-h4">
                    {w.participantsTitle}
                </h2>
                <p id="workshop-participants-count">{w.participantsCount(participants)}</p>
                <DataTable
                    id="workshop-by-kind"
                    className="po-table-narrow"
                    caption={w.byKindCaption}
                    hiddenCaption
                    headers={[w.kindColumn, w.countColumn]}
                    rowHeaders
                    rows={detail.byKind.map(k => ({ key: k.kind, cells: [l[k.kind], k.count] }))}
                />
                {detail.identitiesHere ? (
                    participants > 0 && (
                        <>
                            <h3 className="fr-h6 fr-mb-1v">{w.namesTitle}</h3>
                            <p className="fr-text--sm po-muted">{w.namesIntro}</p>
                            <DataTable
                                id="workshop-names"
                                caption={w.namesTitle}
                                hiddenCaption
                                headers={[w.nameColumn, w.kindColumn, w.contributionsColumn, w.agreedColumn, w.contactColumn, w.dataColumn]}
                                rowHeaders
                                rows={detail.participants.map(p => ({
                                    key: p.participant.id,
                                    cells: [
                                        p.identity?.name ?? l.anonymous,
                                        l[p.participant.organisationKind],
                                        p.contributions,
                                        p.identity ? formatDate(p.identity.consentedOn, locale) : "",
                                        p.identity && p.identity.contactEmail !== "" ? p.identity.contactEmail : w.noContact,
                                        p.identity ? (
                                            <ul key="data" className="fr-btns-group fr-btns-group--sm fr-btns-group--inline fr-btns-group--icon-left po-participant-data">
                                                <li>
                                                    <Button
                                                        priority="tertiary"
                                                        size="small"
                                                        iconId="fr-icon-download-line"
                                                        id={`participant-${p.participant.id}-export`}
                                                        onClick={() => void exportData.run(p.participant.id, () => backend.exportParticipantData(p.participant.id))}
                                                        nativeButtonProps={{ "aria-disabled": exportData.busy !== null }}
                                                    >
                                                        {exportData.busy === p.participant.id ? w.exportingData : w.exportData}
                                                        <span className="fr-sr-only">{w.whose(p.identity.name)}</span>
                                                    </Button>
                                                </li>
                                                <li>
                                                    <Button
                                                        priority="tertiary"
                                                        size="small"
                                                        iconId="fr-icon-delete-line"
                                                        id={`participant-${p.participant.id}-erase`}
                                                        onClick={() => {
                                                            setErasing(p);
                                                            openModal(eraseModal);
                                                        }}
                                                    >
                                                        {w.erase}
                                                        <span className="fr-sr-only">{w.whose(p.identity.name)}</span>
                                                    </Button>
                                                </li>
                                            </ul>
                                        ) : (
                                            <span key="data" className="po-muted">
                                                {w.dataErased}
                                            </span>
                                        )
                                    ]
                                }))}
                            />
                            <p className="fr-text--sm" id="workshop-data-rights">
                                {w.dataRights}
                            </p>
                            <SavedFileStatus
                                id="participant-data-result"
                                message={exportData.written === null ? null : w.dataExported(exportData.written)}
                                onClose={exportData.clearWritten}
                            />
                            <FailureAlert failure={exportData.failure} as="h3" onClose={exportData.clearFailure} />
                        </>
                    )
                ) : (
                    <p className="fr-text--sm" id="workshop-names-hidden">
                        {w.namesHidden}
                    </p>
                )}
                <p className="fr-mb-0">
                    <a className="fr-link fr-icon-lock-line fr-link--icon-left" href={href.privacy()} id="workshop-privacy">
                        {w.privacyLink}
                    </a>
                </p>
            </section>

            <section className="po-card" aria-labelledby="workshop-contributions-title" id="workshop-contributions">
                <h2 id="workshop-contributions-title" className="fr-h4" tabIndex={-1}>
                    {w.contributionsTitle}
                </h2>
                {detail.contributions.length === 0 ? (
                    <p className="po-muted fr-mb-0">{w.contributionsEmpty}</p>
                ) : (
                    GROUPS.map(kind => {
                        const views = detail.contributions.filter(c => c.contribution.kind === kind);
                        if (views.length === 0) return null;
                        return (
                            <div key={kind} className="po-contribution-group" id={`workshop-${kind}s`}>
                                <h3 className="fr-h5">
                                    {w.groups[kind]} <span className="po-muted">{w.groupCount(views.length)}</span>
                                </h3>
                                <ul className="fr-raw-list po-contributions">
                                    {views.map(view => (
                                        <ContributionItem
                                            key={view.contribution.id}
                                            view={view}
                                            detail={detail}
                                            targets={targets}
                                            readOnly={readOnly}
                                            onDelete={() => void removeContribution(view)}
                                            reload={props.reload}
                                        />
                                    ))}
                                </ul>
                            </div>
                        );
                    })
                )}
            </section>

            <ReportSection workshopId={workshop.id} />

            <section className="po-card" aria-labelledby="workshop-room-title" id="workshop-room-section">
                <h2 id="workshop-room-title" className="fr-h4">
                    {t.roomLink.title}
                </h2>
                {/* The room hands out who took part: only where the names are held, and not read-only. */}
                {detail.identitiesHere && !readOnly && <RoomHost subject={{ kind: "workshop", workshopId: workshop.id }} />}
                <h3 className="fr-h6 fr-mt-3w">{t.roomLink.join}</h3>
                <RoomJoin subject={{ kind: "workshop", workshopId: workshop.id }} />
            </section>

            <section className="po-card" aria-labelledby="workshop-exchange-title" id="workshop-exchange">
                <h2 id="workshop-exchange-title" className="fr-h4">
                    {w.exchangeTitle}
                </h2>
                <p className="po-measure">{w.exchangeIntro}</p>
                <ExchangeWrite
                    id="workshop-exchange-write"
                    scope={{ kind: "workshop", workshopId: workshop.id }}
                    identitiesHere={detail.identitiesHere}
                    label={t.exchange.write}
                    title={t.exchange.dialogTitle}
                />
            </section>

            {!readOnly && (
                <div className="po-editor__end">
                    <Button priority="tertiary" iconId="fr-icon-delete-line" id="workshop-delete" onClick={() => openModal(deleteWorkshopModal)}>
                        {w.delete}
                    </Button>
                </div>
            )}
            <ConfirmModal
                modal={deleteWorkshopModal}
                title={w.deleteTitle}
                message={w.deleteConfirm(workshop.title)}
                confirmLabel={t.app.delete}
                onConfirm={() => void remove()}
            />
            <ConfirmModal
                modal={eraseModal}
                title={w.eraseTitle}
                message={erasing?.identity ? w.eraseConfirm(erasing.identity.name) : ""}
                confirmLabel={w.erase}
                onConfirm={() => {
                    if (erasing) void erase(erasing);
                    setErasing(null);
                }}
            />
        </>
    );
}

/** « Compte rendu de l'atelier »: the printable report, and the workshop's data in the plan's open formats. */
function ReportSection(props: { workshopId: string }) {
    const t = useT();
    const w = t.workshops;
    const backend = useBackend();
    const save = useSaveFile<ExportFormat>();
    const button = (format: ExportFormat, label: string, iconId: "fr-icon-printer-line" | "fr-icon-code-s-slash-line" | "fr-icon-table-line", primary: boolean) => (
        <SaveFileButton
            save={save}
            kind={format}
            id={`workshop-report-${format}`}
            label={label}
            busyLabel={w.reportExporting}
            iconId={iconId}
            primary={primary}
            describedBy="workshop-report-intro"
            write={() => backend.exportWorkshop(props.workshopId, format)}
        />
    );
    return (
        <section className="po-card" aria-labelledby="workshop-report-title" id="workshop-report">
            <h2 id="workshop-report-title" className="fr-h4">
                {w.reportTitle}
            </h2>
            <p className="po-measure" id="workshop-report-intro">
                {w.reportIntro}
            </p>
            <ul className="fr-btns-group fr-btns-group--inline-lg fr-btns-group--icon-left">
                {button("html", w.reportHtml, "fr-icon-printer-line", true)}
                {button("json", w.reportJson, "fr-icon-code-s-slash-line", false)}
                {button("csv", w.reportCsv, "fr-icon-table-line", false)}
            </ul>
            <SavedFileStatus id="workshop-report-result" message={save.written === null ? null : w.reportExported(save.written)} onClose={save.clearWritten} />
            <FailureAlert failure={save.failure} title={w.reportFailedTitle} as="h3" onClose={save.clearFailure} />
        </section>
    );
}

function ContributionItem(props: {
    view: ContributionView;
    detail: WorkshopDetail;
    targets: PlanTarget[];
    readOnly: boolean;
    onDelete: () => void;
    reload: () => Promise<void>;
}) {
    const t = useT();
    const w = t.workshops;
    const l = t.workshopLabels;
    const { view } = props;
    const { contribution } = view;
    const author =
        view.author !== null ? w.byAuthor(view.author) : view.authorKind !== null ? w.byKind(l[view.authorKind]) : w.byFacilitator;
    const textOf = (id: string) => props.detail.contributions.find(c => c.contribution.id === id)?.contribution.text;
    return (
        <li className="po-contribution" id={`contribution-${contribution.id}`}>
            <div className="po-contribution__head">
                <p className="fr-text--sm po-muted fr-mb-1v">
                    {author}
                    {contribution.kind === "proposal" && <span id={`contribution-${contribution.id}-votes`}> — {w.votes(view.votes, view.firstChoices)}</span>}
                </p>
                {!props.readOnly && (
                    <Button
                        priority="tertiary no outline"
                        size="small"
                        iconId="fr-icon-delete-line"
                        id={`contribution-${contribution.id}-delete`}
                        title={w.deleteContributionOf(short(contribution.text || l[contribution.kind]))}
                        onClick={props.onDelete}
                    >
                        {w.deleteContribution}
                    </Button>
                )}
            </div>
            {contribution.kind === "comment" && (
                <p className="fr-text--sm fr-mb-1v">
                    {view.about ? (
                        <a className="fr-link fr-text--sm" href={href.commitment(view.about.commitmentId)}>
                            {w.about(
                                props.targets.find(x => (x.milestoneId ?? x.commitmentId) === (view.about!.milestoneId ?? view.about!.commitmentId))?.number ?? "",
                                view.about.title
                            )}
                        </a>
                    ) : (
                        w.aboutGone
                    )}
                </p>
            )}
            {contribution.text !== "" && <p className="po-prewrap po-contribution__text fr-mb-1w">{contribution.text}</p>}
            {contribution.kind === "vote" ? (
                <div className="fr-text--sm">
                    {w.ranked}
                    <ol className="fr-list fr-mb-0">
                        {contribution.proposalIds.map(id => (
                            <li key={id}>{textOf(id) ?? w.proposalGone}</li>
                        ))}
                    </ol>
                </div>
            ) : (
                <TraceEditor view={view} targets={props.targets} readOnly={props.readOnly} onSaved={props.reload} />
            )}
        </li>
    );
}

function EditPreparation(props: { detail: WorkshopDetail; onSaved: () => Promise<void>; onCancel: () => void }) {
    const choices = useWorkshopChoices(props.detail.workshop.planId);
    if (choices.data === undefined) return choices.failure ? <FailureAlert failure={choices.failure} /> : <Loading />;
    return (
        <WorkshopForm
            planId={props.detail.workshop.planId}
            workshop={props.detail.workshop}
            areas={choices.data.areas}
            targets={choices.data.targets}
            institutions={choices.data.institutions}
            own={null}
            onSaved={() => void props.onSaved()}
            onCancel={props.onCancel}
        />
    );
}
