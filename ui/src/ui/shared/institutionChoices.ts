/**
 * What an institution picker offers for what was typed: the institutions chosen lately first,
 * then the others in alphabetical order, at most {@link SHOWN_LIMIT} of them, and how many more
 * match. With 1,300 institutions (the whole OGP database imported), the list never renders them
 * all at once.
 */
import type { Institution } from "../../core/bindings";
import { institutionLabel, institutionSearchTexts } from "./institutionLabel";
import { collator } from "./listView";
import { matcher, searchWords } from "./textSearch";

/** The most options a picker's list shows; the person types more to see others. */
export const SHOWN_LIMIT = 50;

type Entry = { institution: Institution; label: string; words: string[] };

/** Institutions in alphabetical order, each with what a search looks into. */
export type InstitutionIndex = { sorted: Entry[]; byId: Map<string, Entry> };

export type Choices = {
    /** Chosen lately, most recent first, among those matching. */
    recent: Institution[];
    /** The others matching, in alphabetical order, up to the limit. */
    others: Institution[];
    /** How many more match but are not shown. */
    hidden: number;
};

const cache = new WeakMap<readonly Institution[], Map<string, InstitutionIndex>>();

/** The index of `institutions`, sorted as `locale` does; made once per list and language. */
export function institutionIndex(institutions: readonly Institution[], locale: string): InstitutionIndex {
    const byLocale = cache.get(institutions) ?? new Map<string, InstitutionIndex>();
    cache.set(institutions, byLocale);
    const known = byLocale.get(locale);
    if (known) return known;
    const { compare } = collator(locale);
    const sorted = institutions
        .map(institution => ({ institution, label: institutionLabel(institution), words: searchWords(...institutionSearchTexts(institution)) }))
        .sort((a, b) => compare(a.label, b.label));
    const index = { sorted, byId: new Map(sorted.map(entry => [entry.institution.id, entry])) };
    byLocale.set(locale, index);
    return index;
}

/** What the list shows for `query`, given the ids chosen lately (most recent first). */
export function choicesFor(index: InstitutionIndex, query: string, recentIds: readonly string[], limit = SHOWN_LIMIT): Choices {
    const finds = matcher(query);
    const recent = recentIds
        .map(id => index.byId.get(id))
        .filter((entry): entry is Entry => entry !== undefined && finds(entry.words))
        .slice(0, limit)
        .map(entry => entry.institution);
    const isRecent = new Set(recent.map(i => i.id));
    const room = limit - recent.length;
    const others: Institution[] = [];
    let matching = 0;
    for (const entry of index.sorted) {
        if (isRecent.has(entry.institution.id) || !finds(entry.words)) continue;
        matching += 1;
        if (others.length < room) others.push(entry.institution);
    }
    return { recent, others, hidden: matching - others.length };
}
