/**
 * Milestones late or due soon as a table: each milestone links to its progress on the
 * commitment screen, where the person reports on it.
 */
import type { DueMilestone, InstitutionRef } from "../../../core/bindings";
import { useLocale, useT } from "../../i18n";
import { formatDate } from "../../i18n/format";
import { href } from "../../router";
import { DataTable } from "../../shared/DataTable";
import { StatusBadge } from "../commitment/ProgressSection";

/** An institution by its acronym (its name on hover and for assistive technologies), or its name. */
export function InstitutionName(props: { institution: InstitutionRef | null }) {
    const d = useT().dashboard;
    const { institution } = props;
    if (institution === null) return <>{d.noLead}</>;
    return institution.acronym ? <abbr title={institution.name}>{institution.acronym}</abbr> : <>{institution.name}</>;
}

export function DueTable(props: { id: string; caption: string; items: DueMilestone[] }) {
    const t = useT();
    const d = t.dashboard;
    const locale = useLocale();
    const late = props.items[0]?.kind === "overdue";
    return (
        <DataTable
            id={props.id}
            caption={props.caption}
            hiddenCaption
            headers={[d.milestoneColumn, d.commitmentColumn, d.institutionColumn, d.dueDateColumn, late ? d.lateColumn : d.leftColumn, d.lastStatusColumn]}
            rows={props.items.map(item => ({
                key: item.key,
                cells: [
                    <a key="milestone" className="fr-link po-break" href={href.milestoneProgress(item.commitmentId, item.milestoneId)}>
                        {t.milestones.heading(item.milestoneNumber)} — {item.milestoneTitle}
                    </a>,
                    <span key="commitment" className="po-break">
                        <span className="po-number">{item.commitmentNumber}</span> {item.commitmentTitle}
                    </span>,
                    <InstitutionName key="lead" institution={item.leadInstitution} />,
                    <span key="due" className="po-nowrap">
                        {formatDate(item.dueDate, locale)}
                    </span>,
                    <span key="days" className="po-nowrap">
                        {item.kind === "dueSoon" && item.days === 0 ? d.today : d.days(item.days)}
                    </span>,
                    <StatusBadge key="status" status={item.status} />
                ]
            }))}
        />
    );
}
