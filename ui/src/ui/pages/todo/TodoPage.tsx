/**
 * « À faire » (`#/a-faire`): the milestones late and due soon for the person signed in (their
 * institution's commitments, every institution's for a coordinator, everyone's while nobody is
 * signed in), by due date, each leading to its progress on the commitment screen. The list and
 * who it is for come from the core (`get_todo`), the same list desktop notifications will read.
 */
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import type { DueMilestone, TodoList, TodoScope } from "../../../core/bindings";
import { useBackend } from "../../backendContext";
import { useLocale, useT } from "../../i18n";
import { formatDate } from "../../i18n/format";
import { href } from "../../router";
import { LoadFailure } from "../../shared/LoadFailure";
import { Loading } from "../../shared/Loading";
import { SyncRefreshNotice } from "../../shared/SyncRefreshNotice";
import { useLoad } from "../../shared/useLoad";
import { useSyncRevision } from "../../shared/useSyncRevision";
import { StatusBadge } from "../commitment/ProgressSection";
import { InstitutionName } from "../dashboard/DueTable";

export function TodoPage() {
    const t = useT();
    const backend = useBackend();
    const load = useLoad(() => backend.getTodo(), [backend]);
    const revision = useSyncRevision(load.reload);
    if (load.data === undefined) return load.failure ? <LoadFailure failure={load.failure} /> : <Loading />;
    return (
        <>
            <h1>{t.todo.title}</h1>
            <SyncRefreshNotice revision={revision} />
            <TodoView list={load.data} />
        </>
    );
}

export function useScopeText(): (scope: TodoScope, days: number) => string {
    const t = useT().todo;
    return (scope, days) =>
        scope.kind === "everyone" ? t.scopeEveryone(days) : scope.kind === "coordination" ? t.scopeCoordination(days) : t.scopeInstitution(scope.name, days);
}

function TodoView(props: { list: TodoList }) {
    const t = useT();
    const locale = useLocale();
    const scopeText = useScopeText();
    const { list } = props;
    const overdue = list.items.filter(i => i.kind === "overdue");
    const dueSoon = list.items.filter(i => i.kind === "dueSoon");
    return (
        <>
            <p className="fr-text--lead po-measure" id="todo-scope">
                {scopeText(list.scope, list.dueSoonDays)}
            </p>
            <p className="fr-text--sm po-muted" id="todo-as-of">
                {t.todo.asOf(formatDate(list.today, locale))}
            </p>
            {list.rounds.length > 0 && (
                <section aria-labelledby="todo-rounds-title" className="fr-mb-5w" id="todo-rounds">
                    <h2 id="todo-rounds-title" className="fr-h4">
                        {t.todo.roundsTitle(list.rounds.length)}
                    </h2>
                    <ul className="po-todo fr-raw-list">
                        {list.rounds.map(due => (
                            <li key={due.round.id} className={due.late > 0 ? "po-todo__item po-todo__item--late" : "po-todo__item"}>
                                <div className="po-todo__head">
                                    <Badge as="span" small noIcon severity={due.late > 0 ? "error" : "info"}>
                                        {t.todo.roundPending(due.late, due.toDo)}
                                    </Badge>
                                    <span className="po-small po-muted">{t.todo.roundDue(formatDate(due.round.dueOn, locale))}</span>
                                </div>
                                <p className="fr-mb-1v po-break">
                                    <a className="fr-link po-todo__link" href={href.round(due.round.id)}>
                                        {due.round.title}
                                    </a>
                                </p>
                                <p className="fr-text--sm fr-mb-0 po-break">{t.todo.plan(due.planTitle)}</p>
                            </li>
                        ))}
                    </ul>
                </section>
            )}
            {list.items.length === 0 ? (
                <div className="fr-callout" id="todo-none">
                    <h2 className="fr-callout__title fr-h5">{t.todo.noneTitle}</h2>
                    <p className="fr-callout__text">{t.todo.none(list.dueSoonDays)}</p>
                </div>
            ) : (
                <>
                    <TodoGroup id="todo-overdue" title={t.todo.overdueTitle(overdue.length)} items={overdue} showPlan={list.plans > 1} />
                    <TodoGroup id="todo-due-soon" title={t.todo.dueSoonTitle(dueSoon.length)} items={dueSoon} showPlan={list.plans > 1} />
                </>
            )}
        </>
    );
}

function TodoGroup(props: { id: string; title: string; items: DueMilestone[]; showPlan: boolean }) {
    if (props.items.length === 0) return null;
    return (
        <section aria-labelledby={`${props.id}-title`} className="fr-mb-5w" id={props.id}>
            <h2 id={`${props.id}-title`} className="fr-h4">
                {props.title}
            </h2>
            <ul className="po-todo fr-raw-list">
                {props.items.map(item => (
                    <TodoItem key={item.key} item={item} showPlan={props.showPlan} />
                ))}
            </ul>
        </section>
    );
}

function TodoItem(props: { item: DueMilestone; showPlan: boolean }) {
    const t = useT();
    const locale = useLocale();
    const { item } = props;
    const late = item.kind === "overdue";
    return (
        <li className={late ? "po-todo__item po-todo__item--late" : "po-todo__item"} data-key={item.key}>
            <div className="po-todo__head">
                <Badge as="span" small noIcon severity={late ? "error" : "info"}>
                    {late ? t.todo.late(item.days) : t.todo.dueIn(item.days)}
                </Badge>
                <span className="po-small po-muted">{t.todo.dueOn(formatDate(item.dueDate, locale))}</span>
            </div>
            <p className="fr-mb-1v po-break">
                <a className="fr-link po-todo__link" href={href.milestoneProgress(item.commitmentId, item.milestoneId)}>
                    {t.milestones.heading(item.milestoneNumber)} — {item.milestoneTitle}
                </a>
            </p>
            <p className="fr-text--sm fr-mb-1v po-break">
                {t.commitment.number(item.commitmentNumber)} —{" "}
                <a className="fr-link po-small" href={href.commitment(item.commitmentId)}>
                    {item.commitmentTitle}
                </a>
            </p>
            <p className="po-todo__meta fr-mb-0">
                <span>
                    {t.todo.leadLabel} <InstitutionName institution={item.leadInstitution} />
                </span>
                <span className="po-todo__status">
                    {t.todo.lastStatus} <StatusBadge status={item.status} />
                </span>
                {props.showPlan && <span className="po-break">{t.todo.plan(item.planTitle)}</span>}
            </p>
        </li>
    );
}
