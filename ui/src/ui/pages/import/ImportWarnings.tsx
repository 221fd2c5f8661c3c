/**
 * The warnings of an import, a person can act on: grouped by kind (dates, institutions, IRM
 * assessment, other values), filtered to the own country's plans (when it has any) or to one
 * plan, searched (identifier, country, column, message), sorted by row or by country, each linked
 * to the commitment concerned. Each group shows a page of rows at a time, so a
 * file with thousands of warnings opens at once.
 */
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useMemo, useState } from "react";
import type { ImportWarningKind, ImportWarningView, PlanId } from "../../../core/bindings";
import { useT } from "../../i18n";
import { href } from "../../router";
import { DataTable } from "../../shared/DataTable";
import { matcher, searchWords } from "../../shared/textSearch";

/** Rows of a group shown at first, and added by "Afficher plus". */
const PAGE = 25;

const KINDS: ImportWarningKind[] = ["date", "institution", "assessment", "value"];

export function ImportWarnings(props: { warnings: ImportWarningView[]; ownCountry: string }) {
    const t = useT();
    const i = t.importOgp;
    const { warnings, ownCountry } = props;
    const hasOwn = warnings.some(w => w.country === ownCountry);
    const [onlyOwn, setOnlyOwn] = useState(hasOwn);
    const [plan, setPlan] = useState<PlanId | "">("");
    const [shown, setShown] = useState<Record<string, number>>({});
    const [query, setQuery] = useState("");
    const [sort, setSort] = useState<"row" | "country">("row");
    const words = useMemo(() => warnings.map(w => searchWords(w.identifier, w.country, w.column, w.message)), [warnings]);

    /** The plans that have warnings, each with its country and how many, in one pass. */
    const plans = useMemo(() => {
        const seen = new Map<PlanId, { country: string; count: number }>();
        for (const w of warnings) {
            if (onlyOwn && w.country !== ownCountry) continue;
            const entry = seen.get(w.planId) ?? { country: w.country, count: 0 };
            entry.count += 1;
            seen.set(w.planId, entry);
        }
        return [...seen.entries()].map(([id, { country, count }]) => ({ id, label: `${country} (${count})` }));
    }, [warnings, onlyOwn, ownCountry]);
    const finds = matcher(query);
    const kept = warnings
        .filter((w, index) => (!onlyOwn || w.country === ownCountry) && (plan === "" || w.planId === plan) && finds(words[index] ?? []))
        .sort((a, b) => (sort === "country" ? a.country.localeCompare(b.country) : 0) || a.row - b.row);

    return (
        <section id="import-warnings" aria-labelledby="import-warnings-title" className="fr-mb-4w">
            <h3 id="import-warnings-title" className="fr-h5 fr-mb-1w">
                {warnings.length === 0 ? i.noWarnings : i.warningsTitle(warnings.length)}
            </h3>
            {warnings.length > 0 && (
                <>
                    <p className="po-measure">{i.warningsIntro}</p>
                    <div className="po-import-warnings__filters">
                        <Input
                            label={i.warningsSearch}
                            nativeInputProps={{ id: "import-warnings-search", type: "search", value: query, onChange: e => setQuery(e.target.value) }}
                        />
                        <Select
                            label={i.warningsSort}
                            nativeSelectProps={{ id: "import-warnings-sort", value: sort, onChange: e => setSort(e.target.value === "country" ? "country" : "row") }}
                        >
                            <option value="row">{i.sortByRow}</option>
                            <option value="country">{i.sortByCountry}</option>
                        </Select>
                        {hasOwn && (
                            <div className="fr-checkbox-group fr-checkbox-group--sm">
                                <input
                                    type="checkbox"
                                    id="import-warnings-own"
                                    checked={onlyOwn}
                                    onChange={e => {
                                        setOnlyOwn(e.target.checked);
                                        setPlan("");
                                    }}
                                />
                                <label className="fr-label" htmlFor="import-warnings-own">
                                    {i.onlyCountry(ownCountry)}
                                </label>
                            </div>
                        )}
                        {plans.length > 1 && (
                            <Select
                                label={i.warningPlan}
                                nativeSelectProps={{ id: "import-warnings-plan", value: plan, onChange: e => setPlan(e.target.value as PlanId | "") }}
                            >
                                <option value="">{i.allPlans}</option>
                                {plans.map(plan => (
                                    <option key={plan.id} value={plan.id}>
                                        {plan.label}
                                    </option>
                                ))}
                            </Select>
                        )}
                    </div>
                    {kept.length === 0 && <p className="po-muted">{i.noWarningShown}</p>}
                    {KINDS.map(kind => {
                        const group = kept.filter(w => w.kind === kind);
                        if (group.length === 0) return null;
                        const limit = shown[kind] ?? PAGE;
                        return (
                            <section key={kind} id={`import-warnings-${kind}`} aria-labelledby={`import-warnings-${kind}-title`} className="fr-mb-3w">
                                <h4 id={`import-warnings-${kind}-title`} className="fr-h6 fr-mb-1w">
                                    {i.warningKinds[kind]} ({i.number(group.length)})
                                </h4>
                                <DataTable
                                    id={`import-warnings-table-${kind}`}
                                    caption={i.warningsCaption}
                                    hiddenCaption
                                    headers={[i.row, i.identifier, i.country, i.column, i.message]}
                                    rows={group.slice(0, limit).map((w, index) => ({
                                        key: `${w.row}-${w.column}-${index}`,
                                        cells: [
                                            w.row,
                                            w.commitmentId === null ? (
                                                w.identifier
                                            ) : (
                                                <a className="fr-link" href={href.commitment(w.commitmentId)} title={i.openCommitment(w.identifier)}>
                                                    {w.identifier}
                                                </a>
                                            ),
                                            w.country,
                                            w.column,
                                            w.message
                                        ]
                                    }))}
                                />
                                {group.length > limit && (
                                    <button
                                        type="button"
                                        className="fr-btn fr-btn--tertiary fr-btn--sm"
                                        id={`import-warnings-${kind}-more`}
                                        onClick={() => setShown(s => ({ ...s, [kind]: limit + PAGE }))}
                                    >
                                        {i.showMore(Math.min(PAGE, group.length - limit))}
                                    </button>
                                )}
                            </section>
                        );
                    })}
                </>
            )}
        </section>
    );
}
