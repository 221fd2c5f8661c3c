/**
 * The commitment editor: every field of the OGP template, each saved on its own as the person
 * types (see `core/autosave.ts`), and the milestones. A commitment imported from the OGP
 * commitment database also shows where it comes from and the IRM's assessment, read-only.
 */
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { ReadOnlyNotice } from "../../shared/ReadOnlyNotice";
import { RecordSyncLine } from "../../shared/RecordSyncLine";
import { createModal } from "@codegouvfr/react-dsfr/Modal";
import { SideMenu } from "@codegouvfr/react-dsfr/SideMenu";
import { useCallback, useRef, useState, type ReactNode } from "react";
import type { Commitment, CommitmentDetail, CommitmentEdit, Failure, Milestone } from "../../../core/bindings";
import { toFailure } from "../../../core/backend";
import { TEXT_LIMITS } from "../../../core/commands";
import { useBackend } from "../../backendContext";
import { useT, type Messages } from "../../i18n";
import { href, navigate, useLeaveGuard } from "../../router";
import { AutosaveInput, AutosaveInstitution, AutosaveInstitutions, AutosaveSelect } from "../../shared/AutosaveFields";
import { CheckboxGroup } from "../../shared/CheckboxGroup";
import { AutosaveDateField } from "../../shared/DateField";
import { ConfirmModal } from "../../shared/ConfirmModal";
import { FailureAlert } from "../../shared/FailureAlert";
import { LoadFailure } from "../../shared/LoadFailure";
import { Loading } from "../../shared/Loading";
import { openModal } from "../../shared/modalFocus";
import { SaveStatus } from "../../shared/SaveStatus";
import { SyncRefreshNotice } from "../../shared/SyncRefreshNotice";
import { useAutosave } from "../../shared/useAutosave";
import { useLoad } from "../../shared/useLoad";
import { useSyncRevision } from "../../shared/useSyncRevision";
import { showDeletion } from "../../shared/DeletionNotice";
import { MilestonesSection } from "./MilestonesSection";
import { useFreshNumbers } from "./numbers";
import { CameFromSection } from "./CameFromSection";
import { OriginSection } from "./OriginSection";
import { ProgressSection } from "./ProgressSection";

const deleteCommitmentModal = createModal({ id: "commitment-delete-modal", isOpenedByDefault: false });

/** Template fields holding free text or a date, edited as text. */
type TextField = Exclude<
    Extract<CommitmentEdit, { value: string }>["field"],
    "areaId"
>;
type ValueField = "accessToInformation" | "civicParticipation" | "publicAccountability" | "technologyInnovation";
const VALUE_FIELDS: ValueField[] = ["accessToInformation", "civicParticipation", "publicAccountability", "technologyInnovation"];

const SECTIONS = ["problem", "commitment", "analysis", "planning", "progress", "contacts"] as const;
type Section = (typeof SECTIONS)[number] | "origin";

function textOf(commitment: Commitment, field: TextField): string {
    const value = commitment[field];
    return value ?? "";
}

/** `milestoneId`: opened at that milestone's progress (from the dashboard or the "À faire" list). */
export function CommitmentPage(props: { commitmentId: string; milestoneId?: string }) {
    const backend = useBackend();
    const load = useLoad(() => backend.getCommitment(props.commitmentId), [backend, props.commitmentId]);
    // A commitment not on this laptop yet (a link opened before the first sync brought it) is
    // read again as sync brings news; once shown, the editor reads it again itself.
    useSyncRevision(async () => {
        if (load.data === undefined) await load.reload();
    });
    if (load.data === undefined) return load.failure ? <LoadFailure failure={load.failure} /> : <Loading />;
    return (
        <CommitmentEditor
            key={props.commitmentId}
            detail={load.data}
            setDetail={load.setData}
            reload={load.reload}
            milestoneId={props.milestoneId}
        />
    );
}

function CommitmentEditor(props: {
    detail: CommitmentDetail;
    milestoneId?: string;
    setDetail: (update: (previous: CommitmentDetail) => CommitmentDetail) => void;
    /** Reads the commitment again (changes came from the server). */
    reload: () => Promise<void>;
}) {
    const t = useT();
    const backend = useBackend();
    const autosave = useAutosave();
    // Leaving with a value refused as typed asks first (not once the commitment is deleted).
    const deleted = useRef(false);
    useLeaveGuard(() => {
        const errors = deleted.current ? 0 : autosave.summary().errors;
        return errors > 0 ? t.leave.unsaved(errors) : null;
    });
    const { detail, setDetail } = props;
    // Changes from the server: shown at once unless a field is being typed in or waits to be
    // saved; what was typed is saved first, and saved fields then show the stored values.
    const syncRevision = useSyncRevision(
        async () => {
            await autosave.flushAll();
            await props.reload();
            autosave.forgetSaved();
        },
        { isBusy: () => autosave.summary().busy > 0 }
    );
    const { plan, area, commitment, areas, institutions, origin } = detail;
    const [deleteFailure, setDeleteFailure] = useState<Failure | null>(null);

    const saveEdit = async (edit: CommitmentEdit) => {
        const saved = await backend.editCommitment(commitment.id, edit);
        setDetail(d => ({ ...d, commitment: saved, area: d.areas.find(a => a.id === saved.areaId) ?? d.area }));
    };
    const editOf = (field: TextField, value: string) => ({ field, value }) as CommitmentEdit;
    const key = (field: string) => `commitment.${field}`;
    const current = <V,>(field: string, stored: V): V => {
        const snapshot = autosave.get(key(field));
        return snapshot === undefined ? stored : (snapshot.value as V);
    };

    const text = (field: TextField, options: {
            label: string;
            hint?: string;
            textArea?: boolean;
            singleLine?: boolean;
            rows?: number;
            type?: "email" | "tel";
            maxLength?: number;
            autoComplete?: string;
        }) => (
        <AutosaveInput
            autosave={autosave}
            saveKey={key(field)}
            id={`commitment-${field}`}
            label={options.label}
            hint={options.hint}
            textArea={options.textArea}
            singleLine={options.singleLine}
            rows={options.rows}
            type={options.type}
            maxLength={options.maxLength}
            autoComplete={options.autoComplete}
            value={textOf(commitment, field)}
            save={value => saveEdit(editOf(field, value))}
        />
    );
    const long = (field: TextField, label: string, hint?: string) => text(field, { label, hint, textArea: true });
    const date = (field: "startDate" | "endDate", label: string, hint?: string) => (
        <AutosaveDateField
            autosave={autosave}
            saveKey={key(field)}
            id={`commitment-${field}`}
            field={field}
            label={label}
            hint={hint}
            value={textOf(commitment, field)}
            save={value => saveEdit(editOf(field, value))}
        />
    );
    // An imported date that could not be read with certainty was left empty: its text is shown.
    const rawDate = (source: string | undefined) => (source ? t.origin.rawDate(source) : undefined);
    const f = t.commitment.fields;

    const valuesErrors = VALUE_FIELDS.map(field => autosave.get(key(field))?.error).filter((e): e is string => !!e);

    const setMilestones = (update: (milestones: Milestone[]) => Milestone[]) =>
        setDetail(d => ({ ...d, milestones: update(d.milestones) }));

    async function deleteCommitment() {
        try {
            await autosave.flushAll();
            const deletion = await backend.deleteCommitment(commitment.id);
            deleted.current = true;
            showDeletion({ deletion, message: t.commitment.deleted(commitment.title), onRestored: id => navigate(href.commitment(id)) });
            navigate(href.overview(plan.id));
        } catch (error) {
            setDeleteFailure(toFailure(error));
        }
    }

    const summary = autosave.summary();
    useFreshNumbers(detail, setDetail, backend);
    const readSyncState = useCallback(() => backend.getCommitmentSyncState(commitment.id), [backend, commitment.id]);

    return (
        <>
            <Breadcrumb
                homeLinkProps={{ href: href.plans() }}
                segments={[
                    { label: plan.title, linkProps: { href: href.overview(plan.id) } },
                    { label: t.commitment.breadcrumbArea(area.title), linkProps: { href: href.overview(plan.id) } }
                ]}
                currentPageLabel={commitment.title}
                className="fr-mt-0 fr-mb-3w"
            />
            <div className="po-page-head">
                <div className="po-page-head__main">
                    <p className="po-number fr-mb-1v" id="commitment-number">
                        {t.commitment.number(detail.number)}
                    </p>
                    <h1 className="fr-h2 fr-mb-0">{commitment.title}</h1>
                </div>
            </div>
            <ReadOnlyNotice readOnly={detail.readOnly} id="commitment-read-only" />

            <SyncRefreshNotice revision={syncRevision} />
            <FailureAlert failure={summary.failure} title={t.commitment.saveFailedTitle} onClose={() => autosave.dismissFailure()} />
            <FailureAlert failure={deleteFailure} onClose={() => setDeleteFailure(null)} />

            {/* Read only: every field and button below is disabled at once, and says why above. */}
            <fieldset className="po-fieldset-plain" disabled={detail.readOnly !== null} aria-describedby={detail.readOnly ? "commitment-read-only" : undefined}>
            <div className="fr-grid-row fr-grid-row--gutters po-fields po-editor">
                {/* Sticky: the save status stays in sight however far down the officer types
                    (beside the fields from md up, a bar at the top of the window below). */}
                <div className="fr-col-12 fr-col-md-3 po-editor__side">
                    <div className="po-editor__status">
                        <SaveStatus autosave={autosave} />
                        <RecordSyncLine read={readSyncState} savedAt={summary.lastSavedAt} />
                    </div>
                    <SectionsMenu t={t} sections={origin ? ["origin", ...SECTIONS] : SECTIONS} />
                </div>
                <div className="fr-col-12 fr-col-md-9">
                    <div className="po-card">
                        {text("title", { label: t.commitment.titleLabel, textArea: true, singleLine: true, rows: 1, maxLength: TEXT_LIMITS.title })}
                        <AutosaveSelect
                            autosave={autosave}
                            saveKey={key("areaId")}
                            id="commitment-areaId"
                            label={t.commitment.areaLabel}
                            hint={t.commitment.areaHint}
                            value={commitment.areaId}
                            options={areas.map(a => ({ value: a.id, label: a.title }))}
                            save={value => saveEdit({ field: "areaId", value: value ?? commitment.areaId })}
                        />
                    </div>

                    {origin && <OriginSection origin={origin} />}
                    <CameFromSection detail={detail} />

                    <EditorSection id="problem" title={t.commitment.sections.problem}>
                        {long("problem", f.problem, f.problemHint)}
                        {long("causes", f.causes)}
                    </EditorSection>

                    <EditorSection id="commitment" title={t.commitment.sections.commitment}>
                        {text("briefDescription", { label: f.briefDescription, hint: f.briefDescriptionHint, textArea: true })}
                        {long("doneSoFar", f.doneSoFar, f.doneSoFarHint)}
                        {long("solution", f.solution)}
                        {long("expectedResults", f.expectedResults, f.expectedResultsHint)}
                    </EditorSection>

                    <EditorSection id="analysis" title={t.commitment.sections.analysis}>
                        {long("transparency", f.transparency)}
                        {long("accountability", f.accountability)}
                        {long("participation", f.participation, f.participationHint)}
                        <CheckboxGroup
                            id="commitment-values"
                            legend={f.values}
                            hint={f.valuesHint}
                            error={valuesErrors.length > 0 ? `${valuesErrors.join(" ")} ${t.app.notSaved}` : undefined}
                            options={VALUE_FIELDS.map(field => ({
                                id: `commitment-${field}`,
                                label: f[field],
                                checked: current<boolean>(field, commitment[field]),
                                onChange: checked =>
                                    autosave.change(key(field), checked, value => saveEdit({ field, value }), { immediate: true })
                            }))}
                        />
                    </EditorSection>

                    <EditorSection id="planning" title={t.commitment.sections.planning}>
                        <div className="fr-grid-row fr-grid-row--gutters po-fields">
                            <div className="fr-col-12 fr-col-lg-6">
                                {date("startDate", f.startDate, rawDate(origin?.startDateSource))}
                            </div>
                            <div className="fr-col-12 fr-col-lg-6">
                                {date("endDate", f.endDate, rawDate(origin?.endDateSource))}
                            </div>
                        </div>
                        <AutosaveInstitution
                            autosave={autosave}
                            saveKey={key("leadInstitutionId")}
                            id="commitment-leadInstitutionId"
                            label={f.leadInstitutionId}
                            value={commitment.leadInstitutionId}
                            institutions={institutions}
                            save={value => saveEdit({ field: "leadInstitutionId", value })}
                        />
                        <AutosaveInstitutions
                            autosave={autosave}
                            saveKey={key("supportingInstitutionIds")}
                            id="commitment-supportingInstitutionIds"
                            label={f.supportingInstitutionIds}
                            hint={f.supportingHint}
                            value={commitment.supportingInstitutionIds}
                            institutions={institutions}
                            save={value => saveEdit({ field: "supportingInstitutionIds", value })}
                        />
                        {long("otherSupporters", f.otherSupporters, f.otherSupportersHint)}
                        <MilestonesSection
                            plan={plan}
                            commitmentId={commitment.id}
                            milestones={detail.milestones}
                            numbers={detail.milestoneNumbers}
                            institutions={institutions}
                            autosave={autosave}
                            onMilestonesChange={setMilestones}
                        />
                    </EditorSection>

                    <EditorSection id="progress" title={t.commitment.sections.progress}>
                        <ProgressSection detail={detail} onWeightSaved={() => void props.reload()} focusMilestone={props.milestoneId} />
                    </EditorSection>

                    <EditorSection id="contacts" title={t.commitment.sections.contacts}>
                        <div className="fr-grid-row fr-grid-row--gutters po-fields">
                            <div className="fr-col-12 fr-col-lg-6">{text("contactName", { label: f.contactName, autoComplete: "name" })}</div>
                            <div className="fr-col-12 fr-col-lg-6">{text("contactTitle", { label: f.contactTitle, autoComplete: "organization-title" })}</div>
                            <div className="fr-col-12">{text("contactDepartment", { label: f.contactDepartment, autoComplete: "organization" })}</div>
                            <div className="fr-col-12 fr-col-lg-6">
                                {text("contactEmail", { label: f.contactEmail, hint: f.contactEmailHint, type: "email", autoComplete: "email" })}
                            </div>
                            <div className="fr-col-12 fr-col-lg-6">{text("contactPhone", { label: f.contactPhone, type: "tel", autoComplete: "tel" })}</div>
                        </div>
                    </EditorSection>
                    {/* At the end of the page, not the first thing reached by Tab. */}
                    {detail.readOnly === null && (
                        <div className="po-editor__end">
                            <Button
                                priority="tertiary"
                                iconId="fr-icon-delete-line"
                                id="commitment-delete"
                                onClick={() => openModal(deleteCommitmentModal)}
                            >
                                {t.commitment.deleteCommitment}
                            </Button>
                        </div>
                    )}
                </div>
            </div>
            </fieldset>

            <ConfirmModal
                modal={deleteCommitmentModal}
                title={t.commitment.deleteCommitmentTitle}
                message={t.commitment.deleteCommitmentConfirm(commitment.title)}
                confirmLabel={t.app.delete}
                onConfirm={() => void deleteCommitment()}
            />
        </>
    );
}

function EditorSection(props: { id: Section; title: string; children: ReactNode }) {
    return (
        <section className="po-card" aria-labelledby={`section-${props.id}`}>
            <h2 id={`section-${props.id}`} className="fr-h4" tabIndex={-1}>
                {props.title}
            </h2>
            {props.children}
        </section>
    );
}

/** Jumps to a section without touching the URL (the hash holds the route). */
function SectionsMenu(props: { t: Messages; sections: readonly Section[] }) {
    const { t } = props;
    return (
        <SideMenu
            className="po-sidemenu"
            align="left"
            title={t.commitment.menuTitle}
            burgerMenuButtonText={t.commitment.menuButton}
            items={props.sections.map(section => ({
                text: t.commitment.sections[section],
                linkProps: {
                    href: `#section-${section}`,
                    onClick: e => {
                        e.preventDefault();
                        foldNarrowMenu(e.currentTarget);
                        const heading = document.getElementById(`section-${section}`);
                        heading?.scrollIntoView({ block: "start" });
                        heading?.focus({ preventScroll: true });
                    }
                }
            }))}
        />
    );
}

/**
 * On a narrow window the menu is a disclosure dropping down from the sticky bar: fold it so that it
 * does not cover the section it leads to. Through DSFR's API, which (unlike a click on its
 * button) leaves the focus alone.
 */
function foldNarrowMenu(link: HTMLElement) {
    const collapse = link.closest(".fr-sidemenu__inner > .fr-collapse");
    if (!collapse?.classList.contains("fr-collapse--expanded")) return;
    const dsfr = (window as { dsfr?: (element: Element) => { collapse?: { conceal: () => void } } }).dsfr;
    dsfr?.(collapse).collapse?.conceal();
}
