/**
 * A plan at a glance: its engagement areas in order, their commitments with lead institution,
 * milestone count and completeness; search and institution filter; areas and the plan itself
 * are edited here, and the plan is exported as open data and followed with progress workbooks.
 */
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { createModal } from "@codegouvfr/react-dsfr/Modal";
import { forwardRef, memo, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type FormEvent } from "react";
import type { Area, AreaInput, Failure, Institution, PlanInput, PlanOverview, PlanSearch } from "../../../core/bindings";
import { toFailure } from "../../../core/backend";
import { useBackend } from "../../backendContext";
import { useLocale, useT } from "../../i18n";
import { formatPlanPeriod } from "../../i18n/format";
import { href, navigate } from "../../router";
import { ConfirmModal } from "../../shared/ConfirmModal";
import { FailureAlert, SuccessNotice } from "../../shared/FailureAlert";
import { InstitutionPicker } from "../../shared/InstitutionPicker";
import { errorState, fieldErrors } from "../../shared/fieldErrors";
import { LoadFailure } from "../../shared/LoadFailure";
import { Loading } from "../../shared/Loading";
import { openModal, useFocusReturn } from "../../shared/modalFocus";
import { PlanFormFields } from "../../shared/PlanFormFields";
import { SyncRefreshNotice } from "../../shared/SyncRefreshNotice";
import { useLoad } from "../../shared/useLoad";
import { useSyncRevision } from "../../shared/useSyncRevision";
import { AreaFormFields } from "./AreaFormFields";
import { ProgressMeter } from "../commitment/ProgressSection";
import { AreaSection } from "./AreaSection";
import { ReadOnlyNotice } from "../../shared/ReadOnlyNotice";
import { LibraryShare } from "./LibraryShare";
import { showDeletion } from "../../shared/DeletionNotice";
import { ExportSection } from "./ExportSection";
import { SelfAssessmentSection } from "./SelfAssessmentSection";
import { ProgressWorkbookSection } from "./ProgressWorkbookSection";

const planModal = createModal({ id: "plan-edit-modal", isOpenedByDefault: false });
const areaModal = createModal({ id: "area-modal", isOpenedByDefault: false });
const deleteAreaModal = createModal({ id: "area-delete-modal", isOpenedByDefault: false });
const newCommitmentModal = createModal({ id: "commitment-new-modal", isOpenedByDefault: false });

const NO_INSTITUTIONS: Institution[] = [];

const emptyArea: AreaInput = { kind: "transversal", title: "", description: "" };

export function OverviewPage(props: { planId: string }) {
    const t = useT();
    useFocusReturn(planModal);
    useFocusReturn(areaModal);
    useFocusReturn(newCommitmentModal);
    const locale = useLocale();
    const backend = useBackend();
    const { planId } = props;

    const [institutionId, setInstitutionId] = useState<string | null>(null);
    // The overview is read once (and again when the plan changes); a search asks only which
    // commitments it finds, and the page shows them from what it read.
    const [read, setRead] = useState<PlanOverview | null>(null);
    const [found, setFound] = useState<{ query: string; search: PlanSearch } | null>(null);
    const [loadFailure, setLoadFailure] = useState<Failure | null>(null);
    const [notice, setNotice] = useState<string | null>(null);
    const institutions = useLoad<Institution[]>(() => backend.listInstitutions(), [backend]);
    const request = useRef(0);

    const refresh = useCallback(async () => {
        const mine = ++request.current;
        try {
            const next = await backend.planOverview(planId, { query: "", institutionId });
            if (mine === request.current) {
                setRead(next);
                setLoadFailure(null);
            }
        } catch (error) {
            if (mine === request.current) setLoadFailure(toFailure(error));
        }
    }, [backend, planId, institutionId]);

    useEffect(() => {
        void refresh();
    }, [refresh]);

    // Searched as the person types, from the keystroke itself: a search asks only for ids (tens
    // of milliseconds on a national plan), and the page shows them from what it read. An answer
    // to a text that is no longer in the field is dropped.
    const searchRequest = useRef(0);
    const typed = useRef("");
    const searchField = useRef<SearchFieldHandle>(null);
    const search = useCallback(
        async (text: string) => {
            const mine = ++searchRequest.current;
            if (text.trim() === "") {
                setFound(null);
                return;
            }
            try {
                const next = await backend.searchPlan(planId, text);
                if (mine === searchRequest.current) setFound({ query: text, search: next });
            } catch (error) {
                if (mine === searchRequest.current) setLoadFailure(toFailure(error));
            }
        },
        [backend, planId]
    );
    const type = useCallback(
        (text: string) => {
            typed.current = text;
            void search(text);
        },
        [search]
    );

    // Another plan: what the field holds is searched there.
    useEffect(() => {
        void search(typed.current);
    }, [search]);

    const overview = useMemo(() => (read === null ? null : showFound(read, found?.search ?? null)), [read, found]);

    // Changes from the server: read again, with the filters on (unless the person is typing).
    const syncRevision = useSyncRevision(async () => {
        await Promise.all([refresh(), search(typed.current), institutions.reload()]);
    });
    const reload = useCallback(() => void refresh(), [refresh]);

    // Plan edition.
    const [planInput, setPlanInput] = useState<PlanInput | null>(null);
    const [planFailure, setPlanFailure] = useState<Failure | null>(null);
    function openPlanEdit() {
        if (!overview) return;
        const { country, title, periodStart, periodEnd } = overview.plan;
        setPlanInput({ country, title, periodStart, periodEnd });
        setPlanFailure(null);
        openModal(planModal);
    }
    async function savePlan(e: FormEvent) {
        e.preventDefault();
        if (!planInput) return;
        try {
            await backend.updatePlan(planId, planInput);
            planModal.close();
            setNotice(t.overview.planSaved);
            await refresh();
        } catch (error) {
            setPlanFailure(toFailure(error));
        }
    }

    // Area creation and edition share one dialog.
    const [areaEdit, setAreaEdit] = useState<{ area: Area | null; input: AreaInput } | null>(null);
    const [areaFailure, setAreaFailure] = useState<Failure | null>(null);
    // Stable, so that an area whose commitments did not change is not drawn again as one types.
    const openArea = useCallback((area: Area | null) => {
        setAreaEdit({ area, input: area ? { kind: area.kind, title: area.title, description: area.description } : emptyArea });
        setAreaFailure(null);
        openModal(areaModal);
    }, []);
    const askToDeleteArea = useCallback((area: Area) => {
        setAreaToDelete(area);
        openModal(deleteAreaModal);
    }, []);
    async function saveArea(e: FormEvent) {
        e.preventDefault();
        if (!areaEdit) return;
        try {
            if (areaEdit.area) await backend.updateArea(areaEdit.area.id, areaEdit.input);
            else await backend.createArea(planId, areaEdit.input);
            areaModal.close();
            await refresh();
        } catch (error) {
            setAreaFailure(toFailure(error));
        }
    }

    // Area deletion, refused by the backend while the area holds commitments.
    const [areaToDelete, setAreaToDelete] = useState<Area | null>(null);
    const [areaRefusal, setAreaRefusal] = useState<{ areaId: string; failure: Failure } | null>(null);
    async function deleteArea() {
        if (!areaToDelete) return;
        const area = areaToDelete;
        try {
            const deletion = await backend.deleteArea(area.id);
            setAreaRefusal(null);
            showDeletion({ deletion, message: t.overview.areaDeleted(area.title), onRestored: () => void refresh() });
            await refresh();
        } catch (error) {
            setAreaRefusal({ areaId: area.id, failure: toFailure(error) });
        }
    }

    // New commitment: ask for its title, then open it.
    const [newCommitment, setNewCommitment] = useState<{ area: Area; title: string } | null>(null);
    const [commitmentFailure, setCommitmentFailure] = useState<Failure | null>(null);
    const openNewCommitment = useCallback((area: Area) => {
        setNewCommitment({ area, title: "" });
        setCommitmentFailure(null);
        openModal(newCommitmentModal);
    }, []);
    const dismissAreaRefusal = useCallback(() => setAreaRefusal(null), []);
    async function createCommitment(e: FormEvent) {
        e.preventDefault();
        if (!newCommitment) return;
        try {
            const created = await backend.createCommitment(newCommitment.area.id, newCommitment.title);
            newCommitmentModal.close();
            navigate(href.commitment(created.id));
        } catch (error) {
            setCommitmentFailure(toFailure(error));
        }
    }

    function clearFilters() {
        searchField.current?.clear();
        type("");
        setInstitutionId(null);
        document.getElementById("overview-search")?.focus();
    }

    // What a keystroke does not change is not drawn again: the areas follow the search's answer,
    // not the field; the sections under the list follow only the plan.
    const structureOpen = overview !== null && overview.structureReadOnly === null;
    const commitmentsOpen = overview !== null && overview.commitmentsReadOnly === null;
    const areaList = useMemo(
        () =>
            overview === null
                ? null
                : (overview.filtered ? overview.areas.filter(a => a.commitments.length > 0) : overview.areas).map(areaOverview => (
                      <AreaSection
                          key={areaOverview.area.id}
                          overview={areaOverview}
                          refusal={areaRefusal?.areaId === areaOverview.area.id ? areaRefusal.failure : null}
                          onDismissRefusal={dismissAreaRefusal}
                          onRename={structureOpen ? openArea : undefined}
                          onDelete={structureOpen ? askToDeleteArea : undefined}
                          onAddCommitment={commitmentsOpen ? openNewCommitment : undefined}
                      />
                  )),
        [overview, areaRefusal, dismissAreaRefusal, structureOpen, commitmentsOpen, openArea, askToDeleteArea, openNewCommitment]
    );

    if (overview === null) {
        return loadFailure ? <LoadFailure failure={loadFailure} /> : <Loading />;
    }

    const { plan } = overview;
    const showsResult = overview.filtered && overview.matchingCount > 0;
    const planErrors = fieldErrors(planFailure);
    const areaErrors = fieldErrors(areaFailure);
    const commitmentErrors = fieldErrors(commitmentFailure);

    return (
        <>
            <Breadcrumb
                homeLinkProps={{ href: href.plans() }}
                segments={[]}
                currentPageLabel={plan.title}
                className="fr-mt-0 fr-mb-3w"
            />
            <div className="po-page-head">
                <div>
                    <h1 className="fr-mb-1w">{plan.title}</h1>
                    <p className="fr-mb-0">
                        {t.overview.planLine(plan.country, formatPlanPeriod(plan, locale))}
                    </p>
                    <p className="fr-text--bold fr-mb-0" data-testid="overview-counts">
                        {t.overview.counts(overview.areas.length, overview.commitmentCount, overview.milestoneCount)}
                    </p>
                    {overview.commitmentCount > 0 && (
                        <ProgressMeter id="overview-progress" percent={overview.progress} />
                    )}
                </div>
                <div className="po-page-head__actions">
                    <Button priority="secondary" iconId="fr-icon-dashboard-3-line" linkProps={{ href: href.dashboard(plan.id), id: "plan-dashboard" }}>
                        {t.dashboard.open}
                    </Button>
                    <Button priority="secondary" iconId="fr-icon-team-line" linkProps={{ href: href.workshops(plan.id), id: "plan-workshops" }}>
                        {t.workshops.open}
                    </Button>
                    <Button priority="secondary" iconId="fr-icon-award-line" linkProps={{ href: href.juries(plan.id), id: "plan-juries" }}>
                        {t.jury.open}
                    </Button>
                    {overview.structureReadOnly === null && (
                        <>
                            <Button priority="secondary" iconId="fr-icon-edit-line" onClick={openPlanEdit} id="plan-edit">
                                {t.overview.editPlan}
                            </Button>
                            <Button iconId="fr-icon-add-line" onClick={() => openArea(null)} id="area-add">
                                {t.overview.addArea}
                            </Button>
                        </>
                    )}
                </div>
            </div>
            <ReadOnlyNotice readOnly={overview.commitmentsReadOnly ?? overview.structureReadOnly} />
            <LibraryShare plan={overview.plan} onShared={reload} />

            <SyncRefreshNotice revision={syncRevision} />
            <SuccessNotice message={notice} onClose={() => setNotice(null)} />
            <FailureAlert failure={loadFailure} />

            <div role="search" className="po-filters" aria-labelledby="overview-filters-title">
                <h2 id="overview-filters-title" className="fr-sr-only">
                    {t.overview.filtersTitle}
                </h2>
                <div className="fr-grid-row fr-grid-row--gutters po-fields">
                    <div className="fr-col-12 fr-col-md-7">
                        <SearchField
                            ref={searchField}
                            label={t.overview.search}
                            hint={`${t.overview.searchHint} ${t.lists.ignoresCase}`}
                            onType={type}
                        />
                    </div>
                    <div className="fr-col-12 fr-col-md-5">
                        <InstitutionFilter
                            id="overview-institution"
                            label={t.overview.institution}
                            hint={t.overview.institutionHint}
                            placeholder={t.overview.allInstitutions}
                            institutions={institutions.data ?? NO_INSTITUTIONS}
                            value={institutionId}
                            onChange={setInstitutionId}
                        />
                    </div>
                </div>
                <p className="fr-sr-only" role="status" data-found-for={found?.query ?? ""}>
                    {overview.filtered ? t.overview.matching(overview.matchingCount) : ""}
                </p>
                {/* Its place in the panel is kept, hidden, while nothing is filtered: the first letter
                    typed neither moves the list nor builds the line (on a national plan, either cost
                    more than the search). */}
                <div
                    className={`po-filter-result po-filter-result--kept${showsResult ? "" : " po-filter-result--idle"}`}
                    data-testid="overview-filter-result"
                >
                    <p className="fr-mb-0" aria-hidden="true">
                        {t.overview.matching(overview.matchingCount)}
                    </p>
                    <Button priority="tertiary no outline" size="small" iconId="fr-icon-close-circle-line" onClick={clearFilters}>
                        {t.lists.clearFilters}
                    </Button>
                </div>
            </div>

            {overview.filtered && overview.matchingCount === 0 ? (
                <div className="fr-callout fr-mt-3w" data-testid="overview-no-match">
                    <h2 className="fr-callout__title fr-h5">{t.overview.noMatchTitle}</h2>
                    <p className="fr-callout__text">{t.overview.noMatchText}</p>
                    <Button priority="secondary" iconId="fr-icon-close-circle-line" onClick={clearFilters}>
                        {t.lists.clearFilters}
                    </Button>
                </div>
            ) : (
                <>
                    {overview.areas.length === 0 && (
                        <div className="fr-callout fr-mt-3w">
                            <h2 className="fr-callout__title fr-h5">{t.overview.noAreasTitle}</h2>
                            <p className="fr-callout__text">{t.overview.noAreasText}</p>
                        </div>
                    )}
                    {areaList}
                </>
            )}

            <PlanSections planId={plan.id} workbooks={overview.commitmentsReadOnly?.kind !== "library"} onImported={reload} />

            <planModal.Component title={t.overview.editPlanTitle} titleAs="h2">
                {planInput && (
                    <form id="plan-edit-form" onSubmit={savePlan} noValidate>
                        <FailureAlert failure={planFailure && planFailure.code !== "validation" ? planFailure : null} />
                        <PlanFormFields value={planInput} onChange={setPlanInput} errors={planErrors} idPrefix="plan-edit" />
                        <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--right">
                            <li>
                                <Button priority="secondary" type="button" onClick={() => planModal.close()}>
                                    {t.app.cancel}
                                </Button>
                            </li>
                            <li>
                                <Button type="submit" id="plan-edit-submit">
                                    {t.app.save}
                                </Button>
                            </li>
                        </ul>
                    </form>
                )}
            </planModal.Component>

            <areaModal.Component title={areaEdit?.area ? t.overview.editAreaTitle : t.overview.addAreaTitle} titleAs="h2">
                {areaEdit && (
                    <form id="area-form" onSubmit={saveArea} noValidate>
                        <FailureAlert failure={areaFailure && areaFailure.code !== "validation" ? areaFailure : null} />
                        <AreaFormFields value={areaEdit.input} onChange={input => setAreaEdit({ ...areaEdit, input })} errors={areaErrors} />
                        <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--right">
                            <li>
                                <Button priority="secondary" type="button" onClick={() => areaModal.close()}>
                                    {t.app.cancel}
                                </Button>
                            </li>
                            <li>
                                <Button type="submit" id="area-submit">
                                    {areaEdit.area ? t.app.save : t.overview.addArea}
                                </Button>
                            </li>
                        </ul>
                    </form>
                )}
            </areaModal.Component>

            <ConfirmModal
                modal={deleteAreaModal}
                title={t.overview.deleteAreaTitle}
                message={areaToDelete ? t.overview.deleteAreaConfirm(areaToDelete.title) : ""}
                confirmLabel={t.app.delete}
                onConfirm={() => void deleteArea()}
            />

            <newCommitmentModal.Component title={t.overview.newCommitmentTitle} titleAs="h2">
                {newCommitment && (
                    <form id="commitment-new-form" onSubmit={createCommitment} noValidate>
                        <p>{t.commitment.breadcrumbArea(newCommitment.area.title)}</p>
                        <FailureAlert
                            failure={commitmentFailure && commitmentFailure.code !== "validation" ? commitmentFailure : null}
                        />
                        <Input
                            label={t.overview.newCommitmentField}
                            hintText={t.overview.newCommitmentHint}
                            textArea
                            {...errorState(commitmentErrors.title)}
                            nativeTextAreaProps={{
                                id: "commitment-new-title",
                                rows: 2,
                                value: newCommitment.title,
                                onChange: e => setNewCommitment({ ...newCommitment, title: e.target.value }),
                                onKeyDown: e => {
                                    // A title is one line: Enter submits.
                                    if (e.key === "Enter") {
                                        e.preventDefault();
                                        e.currentTarget.form?.requestSubmit();
                                    }
                                }
                            }}
                        />
                        <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--right">
                            <li>
                                <Button priority="secondary" type="button" onClick={() => newCommitmentModal.close()}>
                                    {t.app.cancel}
                                </Button>
                            </li>
                            <li>
                                <Button type="submit" id="commitment-new-submit">
                                    {t.overview.create}
                                </Button>
                            </li>
                        </ul>
                    </form>
                )}
            </newCommitmentModal.Component>
        </>
    );
}

/** The plan's exports, self-assessment and progress workbooks: drawn again only when the plan
 * changes, not at each keystroke of a search. */
const PlanSections = memo(function PlanSections(props: { planId: string; workbooks: boolean; onImported: () => void }) {
    return (
        <>
            <ExportSection planId={props.planId} />
            <SelfAssessmentSection planId={props.planId} />
            {props.workbooks && <ProgressWorkbookSection planId={props.planId} onImported={props.onImported} />}
        </>
    );
});

type SearchFieldHandle = { clear: () => void };

/** The search field. What it holds is its own: a keystroke draws the field, and the page only
 * when the search answers. */
const SearchField = memo(
    forwardRef<SearchFieldHandle, { label: string; hint: string; onType: (text: string) => void }>(function SearchField(props, ref) {
        const [text, setText] = useState("");
        useImperativeHandle(ref, () => ({ clear: () => setText("") }), []);
        return (
            <Input
                label={props.label}
                hintText={props.hint}
                iconId="fr-icon-search-line"
                nativeInputProps={{
                    id: "overview-search",
                    type: "search",
                    value: text,
                    onChange: e => {
                        setText(e.target.value);
                        props.onType(e.target.value);
                    },
                    autoComplete: "off"
                }}
            />
        );
    })
);

/** The institution filter, drawn again only when its own props change. */
const InstitutionFilter = memo(InstitutionPicker);

/** The overview as read, showing only the commitments a search found (and counting them). */
function showFound(read: PlanOverview, search: PlanSearch | null): PlanOverview {
    const found = search?.found ?? null;
    if (found === null) return read;
    const listed = new Set(found.ids);
    const shows = found.kind === "only" ? (id: string) => listed.has(id) : (id: string) => !listed.has(id);
    const areas = read.areas.map(area => {
        const commitments = area.commitments.filter(c => shows(c.id));
        // An area that keeps all its commitments is the same object: it is not drawn again.
        return commitments.length === area.commitments.length ? area : { ...area, commitments };
    });
    const matchingCount = areas.reduce((sum, area) => sum + area.commitments.length, 0);
    return { ...read, areas, matchingCount, filtered: true };
}
