/**
 * A long list (the plans, the institutions: thousands with the whole OGP database imported)
 * searched, filtered, sorted and cut into pages on this side, so that a screen renders one page
 * of it whatever its length. Searching follows `textSearch.ts`; the order is the language's.
 */
import { matcher, searchWords } from "./textSearch";

const collators = new Map<string, Intl.Collator>();

/** Compares texts as `locale` sorts them: case and accents aside ("École" among the E), "10" after "9". */
export function collator(locale: string): Intl.Collator {
    let known = collators.get(locale);
    if (!known) {
        known = new Intl.Collator(locale, { sensitivity: "base", numeric: true });
        collators.set(locale, known);
    }
    return known;
}

/** An item with the words a search looks into. */
export type Searchable<T> = { item: T; words: string[] };

export function searchable<T>(items: readonly T[], texts: (item: T) => string[]): Searchable<T>[] {
    return items.map(item => ({ item, words: searchWords(...texts(item)) }));
}

/** One page of what matches. */
export type ListView<T> = {
    items: T[];
    /** How many match the search and the filter. */
    matching: number;
    /** How many there are in all. */
    total: number;
    /** The page shown (1-based), within 1 and `pageCount` whatever was asked. */
    page: number;
    pageCount: number;
};

/** The page `page` of the entries (already in order) that `query` finds and `keep` keeps. */
export function viewOf<T>(
    sorted: readonly Searchable<T>[],
    options: { query: string; keep: (item: T) => boolean; page: number; pageSize: number }
): ListView<T> {
    const finds = matcher(options.query);
    const matching = sorted.filter(entry => finds(entry.words) && options.keep(entry.item));
    const pageCount = Math.max(1, Math.ceil(matching.length / options.pageSize));
    const page = Math.min(Math.max(1, options.page), pageCount);
    const start = (page - 1) * options.pageSize;
    return {
        items: matching.slice(start, start + options.pageSize).map(entry => entry.item),
        matching: matching.length,
        total: sorted.length,
        page,
        pageCount
    };
}

/**
 * The page numbers a pager offers: the first, the last, and the current one with a neighbour on
 * each side; `null` where numbers are left out ("…").
 */
export function pageNumbers(page: number, pageCount: number): (number | null)[] {
    const shown = [...new Set([1, page - 1, page, page + 1, pageCount])].filter(n => n >= 1 && n <= pageCount).sort((a, b) => a - b);
    return shown.flatMap((n, i) => {
        const previous = shown[i - 1];
        if (previous === undefined || n === previous + 1) return [n];
        // A gap of one number is shown as that number rather than "…".
        return n === previous + 2 ? [previous + 1, n] : [null, n];
    });
}
