import { describe, expect, test } from "vitest";
import { lastSyncText, momentText } from "../shared/syncTime";
import { en } from "./en";
import { formatDate, formatPeriod, formatPlanPeriod, formatTime, relativeDay } from "./format";
import { fr } from "./fr";

describe("dates as each language writes them", () => {
    test("French dates read day/month/year, English ones day, month in letters, year, like the backend's messages", () => {
        expect(formatDate("2021-12-17", "fr")).toBe("17/12/2021");
        expect(formatDate("2021-12-17", "en")).toBe("17 Dec 2021");
        expect(formatDate("2022-01-05", "fr")).toBe("05/01/2022");
        expect(formatDate("2022-01-05", "en")).toBe("5 Jan 2022");
    });

    test("a plan's period", () => {
        expect(formatPeriod("2021-12-17", "2023-12-31", "fr")).toBe("17/12/2021 – 31/12/2023");
        expect(formatPeriod("2021-12-17", "2023-12-31", "en")).toBe("17 Dec 2021 – 31 Dec 2023");
        // A period the core says is whole years is shown in years.
        expect(formatPlanPeriod({ periodStart: "2015-01-01", periodEnd: "2017-12-31", periodInYears: true }, "fr")).toBe("2015 – 2017");
        expect(formatPlanPeriod({ periodStart: "2015-01-01", periodEnd: "2017-12-31", periodInYears: false }, "fr")).toBe("01/01/2015 – 31/12/2017");
    });

    test("no date shows nothing, and anything unexpected is shown as it is", () => {
        expect(formatDate(null, "fr")).toBe("");
        expect(formatDate("", "fr")).toBe("");
        expect(formatDate("17/12/2021", "fr")).toBe("17/12/2021");
    });

    test("times use a 24-hour clock in both languages", () => {
        const afternoon = new Date(2024, 0, 5, 14, 32);
        expect(formatTime(afternoon, "fr")).toBe("14:32");
        expect(formatTime(afternoon, "en")).toBe("14:32");
    });
});

describe("moments relative to today", () => {
    const now = new Date(2024, 2, 12, 9, 0); // 12 March 2024, 09:00 local time

    test("today is the time alone, yesterday is named, another day has its date", () => {
        const today = new Date(2024, 2, 12, 8, 5).toISOString();
        const yesterday = new Date(2024, 2, 11, 23, 59).toISOString();
        const earlier = new Date(2024, 2, 9, 14, 32).toISOString();
        expect(relativeDay(today, now, "fr")).toEqual({ day: "today", date: "12/03/2024", time: "08:05" });
        expect(lastSyncText(fr, today, now, "fr")).toBe("08:05");
        expect(lastSyncText(fr, yesterday, now, "fr")).toBe("hier à 23:59");
        expect(lastSyncText(fr, earlier, now, "fr")).toBe("le 09/03/2024 à 14:32");
        expect(lastSyncText(en, yesterday, now, "en")).toBe("yesterday at 23:59");
        expect(lastSyncText(en, earlier, now, "en")).toBe("9 Mar 2024 at 14:32");
        expect(fr.sync.bar.last(lastSyncText(fr, today, now, "fr"))).toBe("Dernière synchronisation : 08:05");
        expect(momentText(fr, today, now, "fr")).toBe("aujourd'hui à 08:05");
        expect(momentText(en, earlier, now, "en")).toBe("on 9 Mar 2024 at 14:32");
    });

    test("days are calendar days, not 24-hour spans; a clock a little ahead still says today", () => {
        const lateYesterday = new Date(2024, 2, 11, 9, 30).toISOString(); // under 24 hours ago
        const twoDaysBefore = new Date(2024, 2, 10, 23, 0).toISOString(); // under 48 hours ago
        expect(relativeDay(lateYesterday, now, "fr").day).toBe("yesterday");
        expect(relativeDay(twoDaysBefore, now, "fr").day).toBe("other");
        expect(relativeDay(new Date(2024, 2, 12, 9, 1).toISOString(), now, "fr").day).toBe("today");
    });

    test("counts of changes to send, conflicts and refused changes follow each language's plural", () => {
        expect(fr.sync.bar.pending(1)).toBe("1 modification à envoyer");
        expect(fr.sync.bar.pending(3)).toBe("3 modifications à envoyer");
        expect(en.sync.bar.pending(1)).toBe("1 change to send");
        expect(fr.sync.bar.rejections(2)).toBe("2 modifications refusées");
        expect(en.sync.bar.conflicts(1)).toBe("1 conflict to resolve");
    });
});
