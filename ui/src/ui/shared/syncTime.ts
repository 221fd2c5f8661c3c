/** Moments of sync in words, relative to today (see `relativeDay`). */
import type { Locale } from "../../core/bindings";
import type { Messages } from "../i18n";
import { relativeDay } from "../i18n/format";

/** For "Dernière synchronisation : …": "14:32", "hier à 14:32", "le 12/03/2024 à 14:32". */
export function lastSyncText(t: Messages, iso: string, now: Date, locale: Locale): string {
    const { day, date, time } = relativeDay(iso, now, locale);
    return day === "other" ? t.sync.when.other(date, time) : t.sync.when[day](time);
}

/** Inside a sentence: "aujourd'hui à 14:32", "hier à 14:32", "le 12/03/2024 à 14:32". */
export function momentText(t: Messages, iso: string, now: Date, locale: Locale): string {
    const { day, date, time } = relativeDay(iso, now, locale);
    return day === "other" ? t.sync.at.other(date, time) : t.sync.at[day](time);
}
