/**
 * Short lists of what the person chose lately, most recent first, kept on this device only
 * (`localStorage`): the institutions chosen in a picker. They only order what is offered; losing
 * them (another computer, storage cleared or refused) changes an order, nothing else.
 */

/** How many entries a list keeps. */
export const RECENT_LIMIT = 5;

export type RecentList = "institutions";

const storageKey = (list: RecentList) => `plan-ouvert.recent.${list}`;

/** `list` with `entry` moved, or added, to the front, at most `limit` long. */
export function withRecent(list: readonly string[], entry: string, limit = RECENT_LIMIT): string[] {
    return [entry, ...list.filter(e => e !== entry)].slice(0, limit);
}

export function readRecent(list: RecentList): string[] {
    try {
        const stored: unknown = JSON.parse(localStorage.getItem(storageKey(list)) ?? "[]");
        return Array.isArray(stored) ? stored.filter((e): e is string => typeof e === "string").slice(0, RECENT_LIMIT) : [];
    } catch {
        return [];
    }
}

export function rememberRecent(list: RecentList, entry: string): void {
    try {
        localStorage.setItem(storageKey(list), JSON.stringify(withRecent(readRecent(list), entry)));
    } catch {
        // Storage full or refused: the order stays as it was.
    }
}
