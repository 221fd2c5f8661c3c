/**
 * Dates and times as each language writes them. Dates travel as `YYYY-MM-DD` and are shown as
 * `17/12/2021` in French and `2021-12-17` in English — the forms the backend's messages use, so
 * a date reads the same on the screen and in an error under a field.
 */
import type { Locale } from "../../core/bindings";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function formatDate(iso: string | null, locale: Locale): string {
    if (iso === null || iso === "") return "";
    const match = ISO_DATE.exec(iso);
    if (!match) return iso;
    const [, y, m, d] = match;
    return locale === "fr" ? `${d}/${m}/${y}` : `${y}-${m}-${d}`;
}

export function formatPeriod(start: string, end: string, locale: Locale): string {
    return `${formatDate(start, locale)} – ${formatDate(end, locale)}`;
}

/** Hours and minutes on a 24-hour clock, in the person's time zone: `14:32`. */
export function formatTime(date: Date, locale: Locale): string {
    return new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { hour: "2-digit", minute: "2-digit", hour12: false }).format(date);
}
