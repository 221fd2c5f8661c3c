/** How the institutions page orders its institutions. */
import type { Institution, InstitutionKind } from "../../../core/bindings";
import { collator } from "../../shared/listView";

/** The kinds, in the order the form offers them and the list sorts them. */
export const INSTITUTION_KINDS: InstitutionKind[] = ["ministry", "independentAuthority", "parliament", "court", "other"];

export const INSTITUTION_SORTS = ["name", "nameDesc", "acronym", "kind"] as const;
export type InstitutionSort = (typeof INSTITUTION_SORTS)[number];

export function institutionOrder(sort: InstitutionSort, locale: string): (a: Institution, b: Institution) => number {
    const { compare } = collator(locale);
    const byName = (a: Institution, b: Institution) => compare(a.name, b.name);
    switch (sort) {
        case "name":
            return byName;
        case "nameDesc":
            return (a, b) => byName(b, a);
        case "acronym":
            // Those without an acronym last, by name.
            return (a, b) => Number(a.acronym === "") - Number(b.acronym === "") || compare(a.acronym, b.acronym) || byName(a, b);
        case "kind":
            return (a, b) => INSTITUTION_KINDS.indexOf(a.kind) - INSTITUTION_KINDS.indexOf(b.kind) || byName(a, b);
    }
}
