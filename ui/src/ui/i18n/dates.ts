/**
 * Dates as a person types them, in the interface's language whatever the operating system's
 * locale (a native date field would follow the system's): day, month, year, in this order, in
 * both languages — `31/12/2026`, or `31-12-2026`, `31.12.2026`, `31 12 2026`, `31122026`. The month
 * may be written in letters, in French or English (`31 décembre 2026`, `31 Dec 2026`, as English
 * shows dates), and the stored form `2026-12-31` is read too. The core receives and stores
 * `YYYY-MM-DD`; a date is shown back in the typed form (`typedDate`).
 *
 * What is wrong with a text that is not a date is said precisely (`DateProblem`), in the
 * interface's words (`dates.problems` in `fr.ts` and `en.ts`).
 */

import type { Messages } from "./fr";

/** Why a typed text is not a date. */
export type DateProblem =
    /** Nothing that looks like a date. */
    | { kind: "unreadable"; text: string }
    /** A day, maybe a month, no year yet. */
    | { kind: "incomplete" }
    /** A year of two digits (or three): which century is not guessed. */
    | { kind: "shortYear" }
    /** A month that does not exist (the day and the month swapped, as in 12/31/2026). */
    | { kind: "month"; month: number }
    /** A day that the month does not have: `last` is its last day. */
    | { kind: "day"; day: number; month: number; year: number; last: number };

export type TypedDate = { kind: "empty" } | { kind: "date"; iso: string } | { kind: "invalid"; problem: DateProblem };

/** Month names and their abbreviations, French and English, accents and case ignored: month number. */
const MONTH_NAMES: Record<string, number> = {};
[
    ["janvier", "janv", "january", "jan"],
    ["fevrier", "fevr", "fev", "february", "feb"],
    ["mars", "march", "mar"],
    ["avril", "avr", "april", "apr"],
    ["mai", "may"],
    ["juin", "june", "jun"],
    ["juillet", "juil", "july", "jul"],
    ["aout", "august", "aug"],
    ["septembre", "sept", "september", "sep"],
    ["octobre", "oct", "october"],
    ["novembre", "nov", "november"],
    ["decembre", "dec", "december"]
].forEach((names, index) => names.forEach(name => (MONTH_NAMES[name] = index + 1)));

const fold = (text: string) =>
    text
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase();

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** How many days a month has (month from 1). */
export function daysInMonth(year: number, month: number): number {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function check(day: number, month: number, year: number): TypedDate {
    if (month < 1 || month > 12) return { kind: "invalid", problem: { kind: "month", month } };
    const last = daysInMonth(year, month);
    if (day < 1 || day > last) return { kind: "invalid", problem: { kind: "day", day, month, year, last } };
    return { kind: "date", iso: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

const SEPARATOR = "[/.\\-\\s]+";
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const NUMERIC = new RegExp(`^(\\d{1,2})${SEPARATOR}(\\d{1,2})${SEPARATOR}(\\d+)$`);
const COMPACT = /^(\d{2})(\d{2})(\d{4})$/;
const IN_LETTERS = /^(\d{1,2})(?:er)?[\s.]+([\p{L}]+)\.?,?\s+(\d+)$/u;
const PARTIAL = new RegExp(`^\\d{1,2}(${SEPARATOR}(\\d{1,2}|[\\p{L}]+\\.?))?(${SEPARATOR})?$`, "u");

/** Reads what a person typed in a date field. */
export function readTypedDate(typed: string): TypedDate {
    const text = typed.trim();
    if (text === "") return { kind: "empty" };
    const year = (digits: string, day: number, month: number): TypedDate =>
        digits.length === 4 ? check(day, month, Number(digits)) : { kind: "invalid", problem: { kind: "shortYear" } };
    let match = ISO.exec(text);
    if (match) return check(Number(match[3]), Number(match[2]), Number(match[1]));
    match = NUMERIC.exec(text) ?? COMPACT.exec(text);
    if (match) return year(match[3]!, Number(match[1]), Number(match[2]));
    match = IN_LETTERS.exec(text);
    if (match) {
        const month = MONTH_NAMES[fold(match[2]!)];
        if (month !== undefined) return year(match[3]!, Number(match[1]), month);
    }
    if (PARTIAL.test(text)) return { kind: "invalid", problem: { kind: "incomplete" } };
    return { kind: "invalid", problem: { kind: "unreadable", text } };
}

/** A stored date (`YYYY-MM-DD`) in the form a person types it: `31/12/2026`. Anything else is left as it is. */
export function typedDate(value: string): string {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    return match ? `${match[3]}/${match[2]}/${match[1]}` : value;
}

/** Whether a value is what the core stores for a date field: a date `YYYY-MM-DD`, or nothing. */
export function isStoredDate(value: string): boolean {
    return value === "" || /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/**
 * A date moved by some days or months (the keyboard's arrows and page keys); a day the new month
 * does not have becomes its last (31 January + 1 month: 28 or 29 February).
 */
export function shiftDate(iso: string, by: { days?: number; months?: number }): string {
    const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
    const months = y * 12 + (m - 1) + (by.months ?? 0);
    const year = Math.floor(months / 12);
    const month = (months % 12) + 1;
    const day = Math.min(d, daysInMonth(year, month));
    const moved = new Date(Date.UTC(year, month - 1, day + (by.days ?? 0)));
    return `${pad(moved.getUTCFullYear(), 4)}-${pad(moved.getUTCMonth() + 1)}-${pad(moved.getUTCDate())}`;
}

/** Today, on this computer's calendar, as the core stores dates. */
export function today(now: Date = new Date()): string {
    return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** What is wrong with a typed date, in the interface's language. */
export function dateProblemText(t: Messages, problem: DateProblem): string {
    const p = t.dates.problems;
    switch (problem.kind) {
        case "unreadable":
            return p.unreadable(problem.text);
        case "incomplete":
            return p.incomplete;
        case "shortYear":
            return p.shortYear;
        case "month":
            return p.month(problem.month);
        case "day":
            return p.day(problem.day, t.dates.monthNames[problem.month - 1] ?? String(problem.month), problem.year, problem.last);
    }
}
