import { describe, expect, test } from "vitest";
import { formatDate, formatPeriod, formatTime } from "./format";

describe("dates as each language writes them", () => {
    test("French dates read day/month/year, English ones year-month-day like the backend's messages", () => {
        expect(formatDate("2021-12-17", "fr")).toBe("17/12/2021");
        expect(formatDate("2021-12-17", "en")).toBe("2021-12-17");
    });

    test("a plan's period", () => {
        expect(formatPeriod("2021-12-17", "2023-12-31", "fr")).toBe("17/12/2021 – 31/12/2023");
        expect(formatPeriod("2021-12-17", "2023-12-31", "en")).toBe("2021-12-17 – 2023-12-31");
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
