/**
 * On the home screen: how many milestones are late and due soon for the person signed in, with
 * the way to the « À faire » list. Says nothing when nothing is to do.
 */
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useBackend } from "../../backendContext";
import { useT } from "../../i18n";
import { href } from "../../router";
import { useLoad } from "../../shared/useLoad";
import { useSyncRevision } from "../../shared/useSyncRevision";

export function TodoSummary() {
    const t = useT();
    const backend = useBackend();
    const load = useLoad(() => backend.getTodo(), [backend]);
    useSyncRevision(load.reload);
    const list = load.data;
    if (list === undefined || list.items.length === 0) return null;
    const overdue = list.items.filter(i => i.kind === "overdue").length;
    return (
        <section className="fr-callout fr-icon-calendar-todo-line fr-mb-4w" aria-labelledby="todo-summary-title" id="todo-summary">
            <h2 id="todo-summary-title" className="fr-callout__title fr-h5">
                {t.todo.homeTitle}
            </h2>
            <p className="fr-callout__text fr-text--md">{t.todo.homeSummary(overdue, list.items.length - overdue, list.dueSoonDays)}</p>
            <Button priority="secondary" size="small" linkProps={{ href: href.todo(), id: "todo-summary-link" }}>
                {t.todo.homeLink}
            </Button>
        </section>
    );
}
