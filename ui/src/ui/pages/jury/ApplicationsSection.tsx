/**
 * The session's applications, in the order they were added (an imported file's order):
 * searched and cut into pages of 50, so that a cohort of hundreds stays usable; each changed in
 * the form above the list or deleted after a confirmation (its sheets go with it). New ones are
 * typed, or imported from the call's CSV file.
 */
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { createModal } from "@codegouvfr/react-dsfr/Modal";
import { useMemo, useState } from "react";
import type { Failure, JuryApplication, JuryDetail } from "../../../core/bindings";
import { useBackend } from "../../backendContext";
import { useT } from "../../i18n";
import { ConfirmModal } from "../../shared/ConfirmModal";
import { DataTable } from "../../shared/DataTable";
import { FailureAlert } from "../../shared/FailureAlert";
import { searchable, viewOf } from "../../shared/listView";
import { openModal } from "../../shared/modalFocus";
import { Pager } from "../../shared/Pager";
import { ApplicationForm } from "./ApplicationForm";
import { ApplicationsImport } from "./ApplicationsImport";
import { changeThenReload } from "./change";
import { RowButton } from "./RowButton";

const deleteApplicationModal = createModal({ id: "application-delete-modal", isOpenedByDefault: false });

const PAGE_SIZE = 50;

export function ApplicationsSection(props: { detail: JuryDetail; reload: () => Promise<void> }) {
    const t = useT();
    const j = t.jury;
    const backend = useBackend();
    const { detail } = props;
    const readOnly = detail.readOnly !== null;
    // null: no form; "new": an application to type; else the one being changed.
    const [form, setForm] = useState<JuryApplication | "new" | null>(null);
    const [deleting, setDeleting] = useState<JuryApplication | null>(null);
    const [failure, setFailure] = useState<Failure | null>(null);
    const [query, setQuery] = useState("");
    const [page, setPage] = useState(1);
    const entries = useMemo(() => searchable(detail.applications, a => [a.title, a.applicant, a.reference]), [detail.applications]);
    const view = viewOf(entries, { query, keep: () => true, page, pageSize: PAGE_SIZE });
    const number = new Map(detail.applications.map((a, i) => [a.id, i + 1]));

    const remove = (application: JuryApplication) =>
        changeThenReload(() => backend.deleteJuryApplication(application.id), props.reload, "applications-title", setFailure);

    return (
        <section aria-labelledby="applications-title" id="applications">
            <div className="po-page-head">
                <h2 id="applications-title" className="fr-h4 fr-mb-2w" tabIndex={-1}>
                    {j.applicationsCount(detail.applications.length)}
                </h2>
                {!readOnly && form === null && (
                    <div className="po-page-head__actions">
                        <Button id="application-new" iconId="fr-icon-add-line" onClick={() => setForm("new")}>
                            {j.addApplication}
                        </Button>
                    </div>
                )}
            </div>
            <FailureAlert failure={failure} as="h3" onClose={() => setFailure(null)} />
            {!readOnly && form === null && <ApplicationsImport sessionId={detail.session.id} onImported={props.reload} />}
            {form !== null && (
                <ApplicationForm
                    key={form === "new" ? "new" : form.id}
                    sessionId={detail.session.id}
                    application={form === "new" ? undefined : form}
                    onSaved={() => {
                        setForm(null);
                        void props.reload().then(() => document.getElementById("applications-title")?.focus());
                    }}
                    onCancel={() => setForm(null)}
                />
            )}
            {detail.applications.length === 0 ? (
                <p className="po-muted" id="applications-none">
                    {j.noApplications}
                </p>
            ) : (
                <>
                    <div role="search" className="fr-grid-row fr-grid-row--gutters po-fields" aria-label={j.search}>
                        <div className="fr-col-12 fr-col-md-6">
                            <Input
                                label={j.search}
                                hintText={j.searchHint}
                                nativeInputProps={{
                                    id: "applications-search",
                                    type: "search",
                                    value: query,
                                    onChange: e => {
                                        setQuery(e.target.value);
                                        setPage(1);
                                    }
                                }}
                            />
                        </div>
                    </div>
                    <p id="applications-count" className="fr-text--sm fr-mb-1w" role="status" tabIndex={-1}>
                        {j.matching(view.matching, view.total)}
                    </p>
                    <DataTable
                        id="applications-table"
                        caption={j.applicationsCaption}
                        hiddenCaption
                        headers={[
                            "#",
                            j.applicationColumns.title,
                            j.applicationColumns.applicant,
                            j.applicationColumns.reference,
                            ...(readOnly ? [] : [j.applicationColumns.actions])
                        ]}
                        rows={view.items.map(a => ({
                            key: a.id,
                            cells: [
                                number.get(a.id),
                                <span key="title">
                                    <span className="fr-text--bold">{a.title}</span>
                                    {a.summary !== "" && <span className="po-jury-summary">{a.summary}</span>}
                                </span>,
                                <span key="applicant">
                                    {a.applicant}
                                    {a.contactEmail !== "" && <span className="po-jury-summary">{a.contactEmail}</span>}
                                </span>,
                                <span key="reference" className="po-nowrap">
                                    {a.reference}
                                </span>,
                                ...(readOnly
                                    ? []
                                    : [
                                          <span key="actions" className="po-row-actions">
                                              <RowButton
                                                  iconId="fr-icon-edit-line"
                                                  text={j.edit}
                                                  label={j.editLabel(a.title)}
                                                  onClick={() => {
                                                      setForm(a);
                                                      window.scrollTo(0, 0);
                                                  }}
                                              />
                                              <RowButton
                                                  iconId="fr-icon-delete-line"
                                                  text={j.deleteApplication}
                                                  label={j.deleteApplicationLabel(a.title)}
                                                  onClick={() => {
                                                      setDeleting(a);
                                                      openModal(deleteApplicationModal);
                                                  }}
                                              />
                                          </span>
                                      ])
                            ]
                        }))}
                    />
                    <Pager id="applications-pager" page={view.page} pageCount={view.pageCount} onPage={setPage} focusId="applications-count" />
                </>
            )}
            <ConfirmModal
                modal={deleteApplicationModal}
                title={j.deleteApplicationTitle}
                message={deleting ? j.deleteApplicationConfirm(deleting.title) : ""}
                confirmLabel={j.deleteApplication}
                onConfirm={() => {
                    if (deleting) void remove(deleting);
                }}
            />
        </section>
    );
}
