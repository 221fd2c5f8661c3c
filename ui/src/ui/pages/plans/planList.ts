/** How the plans page orders its plans and offers its countries. */
import type { Plan } from "../../../core/bindings";
import { collator } from "../../shared/listView";

export const PLAN_SORTS = ["ownFirst", "periodDesc", "periodAsc", "title", "country"] as const;
export type PlanSort = (typeof PLAN_SORTS)[number];

/** Dates as stored (`2021-12-17`) sort as text. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function planOrder(sort: PlanSort, locale: string): (a: Plan, b: Plan) => number {
    const { compare } = collator(locale);
    const byTitle = (a: Plan, b: Plan) => compare(a.title, b.title);
    const latestFirst = (a: Plan, b: Plan) => byText(b.periodStart, a.periodStart) || byTitle(a, b);
    switch (sort) {
        case "ownFirst":
            // The person's plans before the reference library of other countries' plans.
            return (a, b) => Number(a.library) - Number(b.library) || latestFirst(a, b);
        case "periodDesc":
            return latestFirst;
        case "periodAsc":
            return (a, b) => byText(a.periodStart, b.periodStart) || byTitle(a, b);
        case "title":
            return byTitle;
        case "country":
            return (a, b) => compare(a.country, b.country) || latestFirst(a, b);
    }
}

export type CountryChoice = { country: string; plans: number };

/**
 * The countries of `plans` for the country filter, each with its number of plans: the countries
 * of the person's own plans apart and first (France's, usually), then those of the reference
 * library only (other countries' imported plans); each group in alphabetical order.
 */
export function countryChoices(plans: readonly Plan[], locale: string): { own: CountryChoice[]; others: CountryChoice[] } {
    const counts = new Map<string, number>();
    const own = new Set<string>();
    for (const plan of plans) {
        counts.set(plan.country, (counts.get(plan.country) ?? 0) + 1);
        if (!plan.library) own.add(plan.country);
    }
    const choices = (countries: string[]) => countries.sort(collator(locale).compare).map(country => ({ country, plans: counts.get(country) ?? 0 }));
    return { own: choices([...own]), others: choices([...counts.keys()].filter(country => !own.has(country))) };
}
