/**
 * The plans as cards, searched by title or country, filtered by country (the countries of the
 * person's own plans first, then the library's), sorted, and shown a page at a time: with the
 * 150 plans of the OGP database imported, DSFR pagination keeps the screen quick to render and to
 * read.
 */
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Card } from "@codegouvfr/react-dsfr/Card";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useMemo } from "react";
import type { Plan } from "../../../core/bindings";
import { useLocale, useT } from "../../i18n";
import { formatPlanPeriod } from "../../i18n/format";
import { href } from "../../router";
import { ListControls, SEARCHABLE_FROM, useListState } from "../../shared/ListControls";
import { searchable, viewOf } from "../../shared/listView";
import { Pager } from "../../shared/Pager";
import { countryChoices, PLAN_SORTS, planOrder, type PlanSort, type CountryChoice } from "./planList";

const PAGE_SIZE = 20;

export function PlanList(props: { plans: Plan[] }) {
    const t = useT();
    const locale = useLocale();
    /** A country, or "" for all. */
    const list = useListState<string, PlanSort>({ filter: "", sort: "ownFirst" });
    const entries = useMemo(() => searchable(props.plans, plan => [plan.title, plan.country]), [props.plans]);
    const sorted = useMemo(() => {
        const order = planOrder(list.sort, locale);
        return [...entries].sort((a, b) => order(a.item, b.item));
    }, [entries, list.sort, locale]);
    const countries = useMemo(() => countryChoices(props.plans, locale), [props.plans, locale]);
    const view = viewOf(sorted, {
        query: list.query,
        keep: plan => list.filter === "" || plan.country === list.filter,
        page: list.page,
        pageSize: PAGE_SIZE
    });
    const option = (choice: CountryChoice) => (
        <option key={choice.country} value={choice.country}>
            {t.plans.countryOption(choice.country, choice.plans)}
        </option>
    );

    return (
        <>
            {(props.plans.length >= SEARCHABLE_FROM || list.narrowed) && (
                <ListControls
                    id="plans"
                    title={t.plans.filtersTitle}
                    searchLabel={t.plans.search}
                    searchHint={t.plans.searchHint}
                    query={list.query}
                    onQuery={list.setQuery}
                    filter={
                        <Select
                            label={t.plans.fieldCountry}
                            nativeSelectProps={{ id: "plans-country-filter", value: list.filter, onChange: e => list.setFilter(e.target.value) }}
                        >
                            <option value="">{t.plans.allCountries}</option>
                            {countries.own.length > 0 && countries.others.length > 0 ? (
                                <>
                                    <optgroup label={t.plans.ownCountries}>{countries.own.map(option)}</optgroup>
                                    <optgroup label={t.plans.otherCountries}>{countries.others.map(option)}</optgroup>
                                </>
                            ) : (
                                [...countries.own, ...countries.others].map(option)
                            )}
                        </Select>
                    }
                    sort={list.sort}
                    sorts={PLAN_SORTS.map(sort => ({ value: sort, label: t.plans.sorts[sort] }))}
                    onSort={list.setSort}
                    count={t.plans.shown(view.matching, view.total)}
                    narrowed={list.narrowed}
                    onClear={list.clear}
                />
            )}
            {view.matching === 0 ? (
                <div className="fr-callout" data-testid="plans-no-match">
                    <p className="fr-callout__text">{t.plans.noMatch}</p>
                </div>
            ) : (
                <ul className="po-plain-list fr-grid-row fr-grid-row--gutters">
                    {view.items.map(plan => (
                        <li key={plan.id} className="fr-col-12 fr-col-md-6">
                            <Card
                                title={plan.title}
                                titleAs="h3"
                                linkProps={{ href: href.overview(plan.id) }}
                                enlargeLink
                                size="small"
                                desc={
                                    <>
                                        {t.plans.countryLine(plan.country)}
                                        <br />
                                        {t.plans.periodLine(formatPlanPeriod(plan, locale))}
                                    </>
                                }
                                start={
                                    plan.isDemo || plan.library ? (
                                        <ul className="fr-badges-group">
                                            <li>
                                                <Badge severity={plan.isDemo ? "new" : "info"} small>
                                                    {plan.isDemo ? t.plans.demoBadge : t.plans.libraryBadge}
                                                </Badge>
                                            </li>
                                        </ul>
                                    ) : undefined
                                }
                            />
                        </li>
                    ))}
                </ul>
            )}
            <Pager id="plans-pager" page={view.page} pageCount={view.pageCount} onPage={list.setPage} focusId="plans-count" />
        </>
    );
}
