import { describe, expect, test } from "vitest";
import { collator, pageNumbers, searchable, viewOf } from "./listView";

const names = ["Conseil d'État", "Assemblée nationale", "École nationale", "Cour de cassation", "Zone 10", "Zone 9"];

describe("a long list on one screen", () => {
    test("sorted as the language does: accents aside, numbers by value", () => {
        expect([...names].sort(collator("fr").compare)).toEqual([
            "Assemblée nationale",
            "Conseil d'État",
            "Cour de cassation",
            "École nationale",
            "Zone 9",
            "Zone 10"
        ]);
        expect(collator("fr")).toBe(collator("fr"));
    });

    test("the search and the filter both apply, and the counts say how many match out of how many", () => {
        const entries = searchable(names, name => [name]);
        const view = viewOf(entries, { query: "nationale", keep: name => !name.startsWith("É"), page: 1, pageSize: 10 });
        expect(view).toEqual({ items: ["Assemblée nationale"], matching: 1, total: 6, page: 1, pageCount: 1 });
        expect(viewOf(entries, { query: "ETAT", keep: () => true, page: 1, pageSize: 10 }).items).toEqual(["Conseil d'État"]);
    });

    test("one page at a time, the page asked for kept within the pages there are", () => {
        const many = searchable(Array.from({ length: 120 }, (_, n) => `Plan ${n + 1}`), text => [text]);
        const second = viewOf(many, { query: "", keep: () => true, page: 2, pageSize: 50 });
        expect(second.items).toHaveLength(50);
        expect(second.items[0]).toBe("Plan 51");
        expect(second.pageCount).toBe(3);
        expect(viewOf(many, { query: "", keep: () => true, page: 9, pageSize: 50 }).page).toBe(3);
        const none = viewOf(many, { query: "zzz", keep: () => true, page: 2, pageSize: 50 });
        expect(none).toEqual({ items: [], matching: 0, total: 120, page: 1, pageCount: 1 });
    });

    test("the pager offers the ends and the neighbours of the current page", () => {
        expect(pageNumbers(1, 1)).toEqual([1]);
        expect(pageNumbers(1, 3)).toEqual([1, 2, 3]);
        expect(pageNumbers(1, 26)).toEqual([1, 2, null, 26]);
        expect(pageNumbers(5, 26)).toEqual([1, null, 4, 5, 6, null, 26]);
        expect(pageNumbers(3, 26)).toEqual([1, 2, 3, 4, null, 26]);
        expect(pageNumbers(4, 26)).toEqual([1, 2, 3, 4, 5, null, 26]);
        expect(pageNumbers(26, 26)).toEqual([1, null, 25, 26]);
    });
});
