/**
 * The institutions that lead or support commitments: list, add, edit, delete. The list is
 * searched by name or acronym, filtered by kind, sorted, and shown 50 rows at a time (DSFR
 * pagination): with the 1,300 institutions of the OGP database, a page renders at once.
 */
import { Button } from "@codegouvfr/react-dsfr/Button";
import { createModal } from "@codegouvfr/react-dsfr/Modal";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useMemo, useState, type FormEvent } from "react";
import type { Failure, Institution, InstitutionInput, InstitutionKind } from "../../../core/bindings";
import { toFailure } from "../../../core/backend";
import { useBackend } from "../../backendContext";
import { useLocale, useT } from "../../i18n";
import { ConfirmModal } from "../../shared/ConfirmModal";
import { DataTable } from "../../shared/DataTable";
import { FailureAlert, SuccessNotice } from "../../shared/FailureAlert";
import { fieldErrors } from "../../shared/fieldErrors";
import { institutionSearchTexts } from "../../shared/institutionLabel";
import { ListControls, SEARCHABLE_FROM, useListState } from "../../shared/ListControls";
import { searchable, viewOf } from "../../shared/listView";
import { Loading } from "../../shared/Loading";
import { openModal, useFocusReturn } from "../../shared/modalFocus";
import { Pager } from "../../shared/Pager";
import { SyncRefreshNotice } from "../../shared/SyncRefreshNotice";
import { useLoad } from "../../shared/useLoad";
import { ReadOnlyNotice } from "../../shared/ReadOnlyNotice";
import { useSyncRevision } from "../../shared/useSyncRevision";
import { emptyInstitution, InstitutionFormFields } from "./InstitutionFormFields";
import { INSTITUTION_KINDS, INSTITUTION_SORTS, institutionOrder, type InstitutionSort } from "./institutionList";

const editModal = createModal({ id: "institution-edit-modal", isOpenedByDefault: false });
const deleteModal = createModal({ id: "institution-delete-modal", isOpenedByDefault: false });

const PAGE_SIZE = 50;
const NONE: Institution[] = [];

export function InstitutionsPage() {
    const t = useT();
    const locale = useLocale();
    useFocusReturn(editModal);
    const backend = useBackend();
    const list = useLoad(() => backend.listInstitutions(), [backend]);
    const access = useLoad(() => backend.getStructureAccess(), [backend]);
    const readOnly = access.data ?? null;
    const syncRevision = useSyncRevision(list.reload);
    const [input, setInput] = useState<InstitutionInput>(emptyInstitution);
    const [createFailure, setCreateFailure] = useState<Failure | null>(null);
    const [notice, setNotice] = useState<string | null>(null);
    const [refusal, setRefusal] = useState<Failure | null>(null);
    const [editing, setEditing] = useState<{ institution: Institution; input: InstitutionInput } | null>(null);
    const [editFailure, setEditFailure] = useState<Failure | null>(null);
    const [toDelete, setToDelete] = useState<Institution | null>(null);
    /** A kind, or "" for all. */
    const shown = useListState<InstitutionKind | "", InstitutionSort>({ filter: "", sort: "name" });

    async function create(e: FormEvent) {
        e.preventDefault();
        try {
            const created = await backend.createInstitution(input);
            setInput(emptyInstitution);
            setCreateFailure(null);
            setNotice(t.institutions.created(created.name));
            await list.reload();
            document.getElementById("institution-name")?.focus();
        } catch (error) {
            const failure = toFailure(error);
            setCreateFailure(failure);
            const first = failure.fields[0]?.field;
            if (first) document.getElementById(`institution-${first}`)?.focus();
        }
    }

    async function saveEdit(e: FormEvent) {
        e.preventDefault();
        if (!editing) return;
        try {
            const saved = await backend.updateInstitution(editing.institution.id, editing.input);
            editModal.close();
            setNotice(t.institutions.saved(saved.name));
            await list.reload();
        } catch (error) {
            setEditFailure(toFailure(error));
        }
    }

    async function remove() {
        if (!toDelete) return;
        const institution = toDelete;
        try {
            await backend.deleteInstitution(institution.id);
            setRefusal(null);
            setNotice(t.institutions.deleted(institution.name));
            await list.reload();
        } catch (error) {
            setNotice(null);
            setRefusal(toFailure(error));
        }
    }

    const institutions = list.data ?? NONE;
    const createErrors = fieldErrors(createFailure);
    const entries = useMemo(() => searchable(institutions, institutionSearchTexts), [institutions]);
    const sorted = useMemo(() => {
        const order = institutionOrder(shown.sort, locale);
        return [...entries].sort((a, b) => order(a.item, b.item));
    }, [entries, shown.sort, locale]);
    const view = viewOf(sorted, {
        query: shown.query,
        keep: i => shown.filter === "" || i.kind === shown.filter,
        page: shown.page,
        pageSize: PAGE_SIZE
    });

    const actions = (i: Institution) => (
        <ul key="actions" className="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-btns-group--icon-left">
            <li>
                <Button
                    priority="tertiary"
                    size="small"
                    iconId="fr-icon-edit-line"
                    nativeButtonProps={{ "aria-label": t.institutions.editOf(i.name), "data-testid": `institution-edit-${i.id}` }}
                    onClick={() => {
                        setEditing({ institution: i, input: { name: i.name, acronym: i.acronym, kind: i.kind } });
                        setEditFailure(null);
                        openModal(editModal);
                    }}
                >
                    {t.app.edit}
                </Button>
            </li>
            <li>
                <Button
                    priority="tertiary"
                    size="small"
                    iconId="fr-icon-delete-line"
                    nativeButtonProps={{ "aria-label": t.institutions.deleteOf(i.name), "data-testid": `institution-delete-${i.id}` }}
                    onClick={() => {
                        setToDelete(i);
                        openModal(deleteModal);
                    }}
                >
                    {t.app.delete}
                </Button>
            </li>
        </ul>
    );

    return (
        <>
            <h1>{t.institutions.title}</h1>
            <p className="fr-text--lead">{t.institutions.intro}</p>
            <SyncRefreshNotice revision={syncRevision} />
            <SuccessNotice message={notice} onClose={() => setNotice(null)} />
            <FailureAlert failure={refusal} title={t.institutions.refusedTitle} onClose={() => setRefusal(null)} />
            <FailureAlert failure={list.failure} />

            {list.loading && list.data === undefined ? (
                <Loading />
            ) : institutions.length === 0 ? (
                <div className="fr-callout fr-mb-4w">
                    <p className="fr-callout__text">{t.institutions.empty}</p>
                </div>
            ) : (
                <>
                    {(institutions.length >= SEARCHABLE_FROM || shown.narrowed) && (
                        <ListControls
                            id="institutions"
                            title={t.institutions.filtersTitle}
                            searchLabel={t.institutions.search}
                            searchHint={t.institutions.searchHint}
                            query={shown.query}
                            onQuery={shown.setQuery}
                            filter={
                                <Select
                                    label={t.institutions.kind}
                                    nativeSelectProps={{
                                        id: "institutions-kind-filter",
                                        value: shown.filter,
                                        onChange: e => shown.setFilter(e.target.value as InstitutionKind | "")
                                    }}
                                >
                                    <option value="">{t.institutions.allKinds}</option>
                                    {INSTITUTION_KINDS.map(kind => (
                                        <option key={kind} value={kind}>
                                            {t.institutions.kinds[kind]}
                                        </option>
                                    ))}
                                </Select>
                            }
                            sort={shown.sort}
                            sorts={INSTITUTION_SORTS.map(sort => ({ value: sort, label: t.institutions.sorts[sort] }))}
                            onSort={shown.setSort}
                            count={t.institutions.shown(view.matching, view.total)}
                            narrowed={shown.narrowed}
                            onClear={shown.clear}
                        />
                    )}
                    {view.matching === 0 ? (
                        <div className="fr-callout fr-mb-4w" data-testid="institutions-no-match">
                            <p className="fr-callout__text">{t.institutions.noMatch}</p>
                        </div>
                    ) : (
                        <DataTable
                            id="institutions-table"
                            className="po-table"
                            caption={t.institutions.caption}
                            headers={[t.institutions.name, t.institutions.acronym, t.institutions.kind, ...(readOnly ? [] : [t.institutions.actions])]}
                            rows={view.items.map(i => ({
                                key: i.id,
                                cells: [i.name, i.acronym, t.institutions.kinds[i.kind], ...(readOnly ? [] : [actions(i)])]
                            }))}
                        />
                    )}
                    <Pager id="institutions-pager" page={view.page} pageCount={view.pageCount} onPage={shown.setPage} focusId="institutions-count" />
                </>
            )}

            <ReadOnlyNotice readOnly={readOnly} />
            {readOnly === null && (
            <section aria-labelledby="institution-create-title" className="po-form-section">
                <h2 id="institution-create-title">{t.institutions.createTitle}</h2>
                <FailureAlert failure={createFailure && createFailure.code !== "validation" ? createFailure : null} />
                <form onSubmit={create} noValidate className="po-narrow-form">
                    <InstitutionFormFields value={input} onChange={setInput} errors={createErrors} idPrefix="institution" />
                    <div className="po-form-actions">
                        <Button id="institution-submit" type="submit" iconId="fr-icon-add-line">
                            {t.institutions.submit}
                        </Button>
                    </div>
                </form>
            </section>
            )}

            <editModal.Component title={t.institutions.editTitle} titleAs="h2">
                {editing && (
                    <form onSubmit={saveEdit} noValidate>
                        <FailureAlert failure={editFailure && editFailure.code !== "validation" ? editFailure : null} />
                        <InstitutionFormFields
                            value={editing.input}
                            onChange={next => setEditing({ ...editing, input: next })}
                            errors={fieldErrors(editFailure)}
                            idPrefix="institution-edit"
                        />
                        <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--right">
                            <li>
                                <Button priority="secondary" type="button" onClick={() => editModal.close()}>
                                    {t.app.cancel}
                                </Button>
                            </li>
                            <li>
                                <Button type="submit" id="institution-edit-submit">
                                    {t.app.save}
                                </Button>
                            </li>
                        </ul>
                    </form>
                )}
            </editModal.Component>

            <ConfirmModal
                modal={deleteModal}
                title={t.institutions.deleteTitle}
                message={toDelete ? t.institutions.deleteConfirm(toDelete.name) : ""}
                confirmLabel={t.app.delete}
                onConfirm={() => void remove()}
            />
        </>
    );
}
