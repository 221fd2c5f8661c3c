/**
 * The plan at a glance (`#/plans/<id>/tableau-de-bord`): key figures, progress by engagement area
 * and by lead institution, milestones by status (each chart with its data as a table and saved
 * as an image on request), the milestones late and due soon, the latest progress reports. Every
 * figure comes from the core (`get_plan_dashboard`); this screen only shows them.
 */
import { Accordion } from "@codegouvfr/react-dsfr/Accordion";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { InstitutionRef, PlanDashboard, ProgressStatus } from "../../../core/bindings";
import { useBackend } from "../../backendContext";
import { useLocale, useT } from "../../i18n";
import { formatDate, formatPlanPeriod } from "../../i18n/format";
import { href } from "../../router";
import { DataTable } from "../../shared/DataTable";
import { LoadFailure } from "../../shared/LoadFailure";
import { Loading } from "../../shared/Loading";
import { SyncRefreshNotice } from "../../shared/SyncRefreshNotice";
import { useLoad } from "../../shared/useLoad";
import { useSyncRevision } from "../../shared/useSyncRevision";
import { institutionLabel } from "../../shared/institutionLabel";
import { StatusBadge } from "../commitment/ProgressSection";
import type { BarTone } from "./BarChart";
import { ChartSection } from "./ChartSection";
import { DueTable, InstitutionName } from "./DueTable";
import { RoundsSection } from "../rounds/RoundsSection";

export function DashboardPage(props: { planId: string }) {
    const backend = useBackend();
    const load = useLoad(() => backend.getPlanDashboard(props.planId), [backend, props.planId]);
    const revision = useSyncRevision(load.reload);
    if (load.data === undefined) return load.failure ? <LoadFailure failure={load.failure} /> : <Loading />;
    return (
        <>
            <SyncRefreshNotice revision={revision} />
            <DashboardView dashboard={load.data} />
        </>
    );
}

function DashboardView(props: { dashboard: PlanDashboard }) {
    const t = useT();
    const d = t.dashboard;
    const locale = useLocale();
    const { dashboard } = props;
    const { plan } = dashboard;
    const today = formatDate(dashboard.today, locale);
    const source = d.imageSource(plan.title, today);
    const percentText = (value: number | null, commitments: number) =>
        value !== null ? d.percent(value) : commitments === 0 ? d.commitmentCount(0) : d.notCounted;
    const statusLabel = (status: ProgressStatus | null) => (status === null ? t.progress.notReported : t.progress.statuses[status]);
    const institutionText = (institution: InstitutionRef | null) => (institution ? institutionLabel(institution) : d.noLead);

    return (
        <>
            <Breadcrumb
                homeLinkProps={{ href: href.plans() }}
                segments={[{ label: plan.title, linkProps: { href: href.overview(plan.id) } }]}
                currentPageLabel={d.breadcrumb}
                className="fr-mt-0 fr-mb-3w"
            />
            <div className="po-page-head">
                <div className="po-page-head__main">
                    <h1 className="fr-mb-1w">{d.title}</h1>
                    <p className="fr-text--lg fr-mb-1v po-break">
                        <a className="fr-link fr-text--lg" href={href.overview(plan.id)}>
                            {plan.title}
                        </a>{" "}
                        <span className="po-muted">({formatPlanPeriod(plan, locale)})</span>
                    </p>
                    <p className="fr-text--sm po-muted fr-mb-0" id="dashboard-as-of">
                        {d.asOf(today)}
                    </p>
                </div>
                <div className="po-page-head__actions">
                    <Button priority="secondary" iconId="fr-icon-todo-line" linkProps={{ href: href.todo(), id: "dashboard-todo" }}>
                        {d.todoLink}
                    </Button>
                </div>
            </div>
            <p className="po-measure">{d.intro}</p>

            <section aria-labelledby="dashboard-figures-title" className="fr-mb-4w">
                <h2 id="dashboard-figures-title" className="fr-sr-only">
                    {d.figuresTitle}
                </h2>
                <ul className="po-figures" id="dashboard-figures">
                    <Figure id="figure-progress" value={dashboard.progress === null ? d.noProgress : d.percent(dashboard.progress)} label={d.planProgress} />
                    <Figure id="figure-commitments" value={String(dashboard.commitmentCount)} label={d.commitments} />
                    <Figure id="figure-milestones" value={String(dashboard.milestoneCount)} label={d.milestones} />
                    <Figure id="figure-overdue" value={String(dashboard.overdue.length)} label={d.overdue} alert={dashboard.overdue.length > 0} />
                    <Figure id="figure-due-soon" value={String(dashboard.dueSoon.length)} label={d.dueSoon(dashboard.dueSoonDays)} />
                </ul>
                <Accordion label={d.ruleTitle} className="fr-mt-2w">
                    <p id="dashboard-rule" className="fr-text--sm">
                        {t.progress.rule}
                    </p>
                    <p id="dashboard-due-rule" className="fr-text--sm fr-mb-0">
                        {t.progress.dueRule}
                    </p>
                </Accordion>
            </section>

            <ChartSection
                id="chart-areas"
                chart="areas"
                planId={plan.id}
                title={d.areasTitle}
                source={source}
                max={100}
                bars={dashboard.areas.map(a => ({
                    key: a.areaId,
                    label: d.area(a.number, a.title),
                    value: a.progress,
                    valueText: percentText(a.progress, a.commitments),
                    tone: "progress"
                }))}
                headers={[d.areaColumn, d.commitmentsColumn, d.progressColumn]}
                rows={dashboard.areas.map(a => ({
                    key: a.areaId,
                    cells: [d.area(a.number, a.title), String(a.commitments), percentText(a.progress, a.commitments)]
                }))}
            />

            <ChartSection
                id="chart-institutions"
                chart="institutions"
                planId={plan.id}
                title={d.institutionsTitle}
                source={source}
                max={100}
                bars={dashboard.institutions.map(i => ({
                    key: i.institution?.id ?? "none",
                    label: institutionText(i.institution),
                    value: i.progress,
                    valueText: percentText(i.progress, i.commitments),
                    tone: "progress"
                }))}
                headers={[d.institutionColumn, d.commitmentsColumn, d.progressColumn, d.overdueColumn]}
                rows={dashboard.institutions.map(i => ({
                    key: i.institution?.id ?? "none",
                    cells: [institutionText(i.institution), String(i.commitments), percentText(i.progress, i.commitments), String(i.overdue)]
                }))}
            />

            <ChartSection
                id="chart-statuses"
                chart="statuses"
                planId={plan.id}
                title={d.statusesTitle}
                source={source}
                max={Math.max(1, dashboard.milestoneCount)}
                bars={dashboard.milestoneStatuses.map(s => ({
                    key: s.status ?? "notReported",
                    label: statusLabel(s.status),
                    value: s.milestones,
                    valueText: d.milestoneCount(s.milestones),
                    tone: (s.status ?? "notReported") satisfies BarTone
                }))}
                headers={[d.statusColumn, d.milestonesColumn]}
                rows={dashboard.milestoneStatuses.map(s => ({
                    key: s.status ?? "notReported",
                    cells: [statusLabel(s.status), String(s.milestones)]
                }))}
            />

            <section aria-labelledby="dashboard-overdue-title" className="po-chart-section" id="dashboard-overdue">
                <h2 id="dashboard-overdue-title" className="fr-h4">
                    {d.overdueTitle}
                </h2>
                {dashboard.overdue.length === 0 ? (
                    <p className="po-muted">{d.overdueNone}</p>
                ) : (
                    <DueTable id="dashboard-overdue-table" caption={d.overdueTitle} items={dashboard.overdue} />
                )}
            </section>

            <section aria-labelledby="dashboard-due-soon-title" className="po-chart-section" id="dashboard-due-soon">
                <h2 id="dashboard-due-soon-title" className="fr-h4">
                    {d.dueSoonTitle(dashboard.dueSoonDays)}
                </h2>
                {dashboard.dueSoon.length === 0 ? (
                    <p className="po-muted">{d.dueSoonNone(dashboard.dueSoonDays)}</p>
                ) : (
                    <DueTable id="dashboard-due-soon-table" caption={d.dueSoonTitle(dashboard.dueSoonDays)} items={dashboard.dueSoon} />
                )}
            </section>

            <section aria-labelledby="dashboard-recent-title" className="po-chart-section" id="dashboard-recent">
                <h2 id="dashboard-recent-title" className="fr-h4">
                    {d.recentTitle}
                </h2>
                {dashboard.recentReports.length === 0 ? (
                    <p className="po-muted">{d.recentNone}</p>
                ) : (
                    <DataTableOfReports dashboard={dashboard} />
                )}
            </section>

            <RoundsSection planId={plan.id} />
        </>
    );
}

function Figure(props: { id: string; value: string; label: string; alert?: boolean }) {
    return (
        <li className={props.alert ? "po-figure po-figure--alert" : "po-figure"} id={props.id}>
            <span className="po-figure__value">{props.value}</span>
            <span className="po-figure__label">{props.label}</span>
        </li>
    );
}

function DataTableOfReports(props: { dashboard: PlanDashboard }) {
    const t = useT();
    const d = t.dashboard;
    const locale = useLocale();
    const reports = props.dashboard.recentReports;
    return (
        <>
            <p className="fr-text--sm po-muted">{d.recentIntro}</p>
            <DataTable
                id="dashboard-recent-table"
                caption={d.recentTitle}
                hiddenCaption
                headers={[d.dateColumn, d.statusColumn, d.onColumn, d.commitmentColumn, d.authorColumn]}
                rows={reports.map(r => ({
                    key: r.reportId,
                    cells: [
                        formatDate(r.reportedOn, locale),
                        <StatusBadge key="status" status={r.status} />,
                        r.milestoneId !== null ? (
                            <a key="on" className="fr-link po-break" href={href.milestoneProgress(r.commitmentId, r.milestoneId)}>
                                {t.milestones.heading(r.milestoneNumber ?? "")} — {r.milestoneTitle}
                            </a>
                        ) : (
                            <a key="on" className="fr-link" href={href.commitment(r.commitmentId)}>
                                {d.ownAccount}
                            </a>
                        ),
                        <span key="commitment" className="po-break">
                            <span className="po-number">{r.commitmentNumber}</span> {r.commitmentTitle}
                        </span>,
                        <span key="author" className="po-lines">
                            <span>{r.authorName}</span>{" "}
                            <span className="po-small po-muted">
                                {r.onBehalf && r.institution ? d.onBehalf(r.institution.name) : <InstitutionName institution={r.institution} />}
                            </span>
                        </span>
                    ]
                }))}
            />
        </>
    );
}
