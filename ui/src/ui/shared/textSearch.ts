/**
 * What a person types in a search field of a list, and what it finds. One rule for every list
 * searched on this side (institution pickers, plans, institutions), the same as the plan
 * overview's search in the core: every word typed must begin a word of the text, case and
 * accents ignored ("cnil" finds "CNIL", "ecolo" finds "Transition écologique", "min tra" finds
 * "Ministère de la Transition écologique").
 */

/** Lower case, without accents; "œ" and "æ" as typed on a keyboard without them. */
export function foldText(text: string): string {
    return text
        .normalize("NFKD")
        .replace(/\p{M}/gu, "")
        .toLowerCase()
        .replace(/œ/g, "oe")
        .replace(/æ/g, "ae");
}

/** The words of some texts, folded: what a search looks into. */
export function searchWords(...texts: string[]): string[] {
    return texts.flatMap(text => foldText(text).split(/[^\p{L}\p{N}]+/u)).filter(word => word !== "");
}

/**
 * A test for what `query` finds: true when every word typed begins one of `words` (made by
 * {@link searchWords}). An empty query finds everything.
 */
export function matcher(query: string): (words: readonly string[]) => boolean {
    const typed = searchWords(query);
    if (typed.length === 0) return () => true;
    return words => typed.every(part => words.some(word => word.startsWith(part)));
}
