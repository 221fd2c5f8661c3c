/**
 * Choosing commitments (and milestones) among a whole plan's — hundreds with the OGP database
 * imported — for a workshop: those it discusses, those a contribution fed. A filter field (a
 * number such as `2.3`, or words of the title: `textSearch.ts`'s rule) narrows a list of
 * checkboxes that never shows more than {@link SHOWN_LIMIT}, saying how many more match; what is
 * chosen stays above the list as DSFR tags, each with its "Retirer …" button, whatever the
 * filter. The numbers and the order are the core's (`listPlanTargets`).
 */
import { useId, useMemo, useState, type ReactNode } from "react";
import type { PlanTarget } from "../../core/bindings";
import { useT } from "../i18n";
import { matcher, searchWords } from "./textSearch";

/** The most choices the list shows at once. */
export const SHOWN_LIMIT = 50;

export type TargetChoice = { commitmentIds: string[]; milestoneIds: string[] };

/** The id a target is chosen by: the milestone's, or the commitment's. */
const keyOf = (target: PlanTarget) => target.milestoneId ?? target.commitmentId;

export function TargetPicker(props: {
    /** The fieldset's id; the filter is `<id>-filter`, each checkbox `<id>-<commitment or milestone id>`. */
    id: string;
    legend: ReactNode;
    hint?: ReactNode;
    targets: readonly PlanTarget[];
    value: TargetChoice;
    onChange: (value: TargetChoice) => void;
    /** Commitments only (what a workshop discusses). */
    commitmentsOnly?: boolean;
    error?: ReactNode;
}) {
    const t = useT();
    const tp = t.targets;
    const [query, setQuery] = useState("");
    const statusId = useId();
    const offered = useMemo(
        () =>
            props.targets
                .filter(target => !props.commitmentsOnly || target.milestoneId === null)
                .map(target => ({ target, words: searchWords(target.title) })),
        [props.targets, props.commitmentsOnly]
    );
    const matching = useMemo(() => {
        const typed = query.trim();
        if (typed === "") return offered.map(o => o.target);
        // A number (`2.3`) finds that commitment and its milestones; words, the titles.
        if (/^\d+(\.\d+)*\.?$/.test(typed)) {
            const number = typed.replace(/\.$/, "");
            return offered.filter(o => o.target.number === number || o.target.number.startsWith(`${number}.`)).map(o => o.target);
        }
        const words = matcher(typed);
        return offered.filter(o => words(o.words)).map(o => o.target);
    }, [offered, query]);
    const chosen = new Set([...props.value.commitmentIds, ...props.value.milestoneIds]);
    const chosenTargets = props.targets.filter(target => chosen.has(keyOf(target)));
    const shown = matching.slice(0, SHOWN_LIMIT);
    const label = (target: PlanTarget) => tp.label(target.number, target.title);

    function toggle(target: PlanTarget, on: boolean) {
        const key = keyOf(target);
        const list = target.milestoneId === null ? props.value.commitmentIds : props.value.milestoneIds;
        const next = on ? (list.includes(key) ? list : [...list, key]) : list.filter(id => id !== key);
        props.onChange(
            target.milestoneId === null ? { ...props.value, commitmentIds: next } : { ...props.value, milestoneIds: next }
        );
    }

    const legendId = `${props.id}-legend`;
    const messageId = `${props.id}-messages`;
    return (
        <fieldset
            id={props.id}
            className={`fr-fieldset po-targets${props.error ? " fr-fieldset--error" : ""}`}
            aria-labelledby={legendId}
            role="group"
        >
            <legend id={legendId} className="fr-fieldset__legend fr-text--regular">
                {props.legend}
                {props.hint !== undefined && <span className="fr-hint-text">{props.hint}</span>}
            </legend>
            <div className="fr-fieldset__element">
                <p className="fr-text--sm fr-mb-1v">{tp.chosen}</p>
                {chosenTargets.length === 0 ? (
                    <p className="fr-text--sm po-muted fr-mb-2w">{tp.noneChosen}</p>
                ) : (
                    <ul className="fr-tags-group po-targets__chosen">
                        {chosenTargets.map(target => (
                            <li key={keyOf(target)}>
                                <button
                                    type="button"
                                    className="fr-tag fr-tag--sm fr-tag--dismiss"
                                    id={`${props.id}-remove-${keyOf(target)}`}
                                    aria-label={tp.remove(label(target))}
                                    onClick={() => toggle(target, false)}
                                >
                                    {label(target)}
                                </button>
                            </li>
                        ))}
                    </ul>
                )}
            </div>
            {offered.length === 0 ? (
                <p className="fr-fieldset__element po-muted">{tp.empty}</p>
            ) : (
                <>
                    <div className="fr-fieldset__element">
                        <div className="fr-input-group fr-mb-1w">
                            <label className="fr-label" htmlFor={`${props.id}-filter`}>
                                {tp.filter}
                                <span className="fr-hint-text">{tp.filterHint}</span>
                            </label>
                            <input
                                className="fr-input"
                                id={`${props.id}-filter`}
                                type="search"
                                autoComplete="off"
                                value={query}
                                aria-describedby={statusId}
                                onChange={e => setQuery(e.target.value)}
                                onKeyDown={e => {
                                    // Filtering, not submitting the form around it.
                                    if (e.key === "Enter") e.preventDefault();
                                }}
                            />
                        </div>
                        <p className="fr-sr-only" id={statusId} role="status">
                            {query.trim() === "" ? "" : tp.matching(matching.length)}
                        </p>
                    </div>
                    <div className="fr-fieldset__element">
                        {matching.length === 0 ? (
                            <p className="po-muted fr-mb-0">{tp.noMatch}</p>
                        ) : (
                            <ul className="po-targets__list fr-raw-list" aria-labelledby={legendId}>
                                {shown.map(target => {
                                    const inputId = `${props.id}-${keyOf(target)}`;
                                    return (
                                        <li key={keyOf(target)} className={target.milestoneId === null ? undefined : "po-targets__milestone"}>
                                            <div className="fr-checkbox-group fr-checkbox-group--sm">
                                                <input
                                                    type="checkbox"
                                                    id={inputId}
                                                    checked={chosen.has(keyOf(target))}
                                                    onChange={e => toggle(target, e.target.checked)}
                                                    aria-describedby={props.error ? messageId : undefined}
                                                />
                                                <label className="fr-label" htmlFor={inputId}>
                                                    {label(target)}
                                                </label>
                                            </div>
                                        </li>
                                    );
                                })}
                            </ul>
                        )}
                        {matching.length > shown.length && (
                            <p className="fr-text--sm po-muted fr-mt-1w fr-mb-0">{tp.more(matching.length - shown.length)}</p>
                        )}
                    </div>
                </>
            )}
            <div className="fr-messages-group" id={messageId} aria-live="polite">
                {props.error && <p className="fr-message fr-message--error">{props.error}</p>}
            </div>
        </fieldset>
    );
}
