/**
 * Dates and times as each language writes them, whatever the operating system's locale. Dates
 * travel as `YYYY-MM-DD` and are shown as `17/12/2021` in French and `17 Dec 2021` in English
 * (day first, the month in letters so no reader takes the day for the month) — the forms the
 * backend's messages use (`Locale::date` in `crates/domain/src/locale.rs`), so a date reads the
 * same on the screen and in an error under a field.
 */
import type { Locale } from "../../core/bindings";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The months as English writes them in short, January first. */
export const ENGLISH_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

export function formatDate(iso: string | null, locale: Locale): string {
    if (iso === null || iso === "") return "";
    const match = ISO_DATE.exec(iso);
    if (!match) return iso;
    const [, y, m, d] = match;
    const month = ENGLISH_MONTHS[Number(m) - 1];
    if (locale === "fr" || month === undefined) return `${d}/${m}/${y}`;
    return `${Number(d)} ${month} ${y}`;
}

export function formatPeriod(start: string, end: string, locale: Locale): string {
    return `${formatDate(start, locale)} – ${formatDate(end, locale)}`;
}

/** A plan's period: in years when it is whole years (the core says so: `periodInYears`, as the
 * OGP database gives it), "2015 – 2017"; otherwise from day to day. */
export function formatPlanPeriod(plan: { periodStart: string; periodEnd: string; periodInYears: boolean }, locale: Locale): string {
    return plan.periodInYears ? `${plan.periodStart.slice(0, 4)} – ${plan.periodEnd.slice(0, 4)}` : formatPeriod(plan.periodStart, plan.periodEnd, locale);
}

/** Hours and minutes on a 24-hour clock, in the person's time zone: `14:32`. */
export function formatTime(date: Date, locale: Locale): string {
    return new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { hour: "2-digit", minute: "2-digit", hour12: false }).format(date);
}

/** Where a moment falls for the person, in their time zone: today, yesterday or another day. */
export type RelativeDay = { day: "today" | "yesterday" | "other"; date: string; time: string };

/**
 * A moment (ISO 8601) told relative to `now`: the day ("today", "yesterday", or the date as
 * {@link formatDate} writes it) and the time. The texts put them in words (`sync.when`).
 */
export function relativeDay(iso: string, now: Date, locale: Locale): RelativeDay {
    const moment = new Date(iso);
    const startOf = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
    const days = Math.round((startOf(now) - startOf(moment)) / 86_400_000);
    const pad = (n: number) => String(n).padStart(2, "0");
    const localDate = `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
    return {
        // A clock a little ahead of this computer's still says "today".
        day: days <= 0 ? "today" : days === 1 ? "yesterday" : "other",
        date: formatDate(localDate, locale),
        time: formatTime(moment, locale)
    };
}
