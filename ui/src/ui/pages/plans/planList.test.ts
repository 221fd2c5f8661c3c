import { describe, expect, test } from "vitest";
import type { Plan } from "../../../core/bindings";
import { countryChoices, planOrder, type PlanSort } from "./planList";

const plan = (title: string, country: string, periodStart: string, library = country !== "France") =>
    ({ id: title, title, country, periodStart, periodEnd: periodStart, isDemo: false, library, createdAt: "", updatedAt: "" }) as Plan;

const plans = [
    plan("France — Plan 2018-2020", "France", "2018-04-01"),
    plan("Uruguay — Plan 2021", "Uruguay", "2021-01-01"),
    plan("France — Plan 2021-2023", "France", "2021-12-17"),
    plan("Équateur — Plan 2019", "Équateur", "2019-09-01"),
    plan("Albanie — Plan 2021", "Albanie", "2021-01-01")
];
const titles = (sort: PlanSort) => [...plans].sort(planOrder(sort, "fr")).map(p => p.title);

describe("the plans page's order and countries", () => {
    test("by default, one's own plans first, then the library's, each the most recent first", () => {
        expect(titles("ownFirst")).toEqual([
            "France — Plan 2021-2023",
            "France — Plan 2018-2020",
            "Albanie — Plan 2021",
            "Uruguay — Plan 2021",
            "Équateur — Plan 2019"
        ]);
    });

    test("by period, most recent first (then by title), or oldest first", () => {
        expect(titles("periodDesc")).toEqual([
            "France — Plan 2021-2023",
            "Albanie — Plan 2021",
            "Uruguay — Plan 2021",
            "Équateur — Plan 2019",
            "France — Plan 2018-2020"
        ]);
        expect(titles("periodAsc")[0]).toBe("France — Plan 2018-2020");
    });

    test("by title or by country, as the language sorts (“É” among the E)", () => {
        expect(titles("title")).toEqual([
            "Albanie — Plan 2021",
            "Équateur — Plan 2019",
            "France — Plan 2018-2020",
            "France — Plan 2021-2023",
            "Uruguay — Plan 2021"
        ]);
        expect(titles("country")).toEqual([
            "Albanie — Plan 2021",
            "Équateur — Plan 2019",
            "France — Plan 2021-2023",
            "France — Plan 2018-2020",
            "Uruguay — Plan 2021"
        ]);
    });

    test("the countries of one's own plans come first, then those of the library only, each with its count", () => {
        expect(countryChoices(plans, "fr")).toEqual({
            own: [{ country: "France", plans: 2 }],
            others: [
                { country: "Albanie", plans: 1 },
                { country: "Équateur", plans: 1 },
                { country: "Uruguay", plans: 1 }
            ]
        });
        // A country with one plan of one's own and one of the library is one's own.
        const { own, others } = countryChoices([...plans, plan("Uruguay — Plan 2023", "Uruguay", "2023-01-01", false)], "fr");
        expect(own).toEqual([
            { country: "France", plans: 2 },
            { country: "Uruguay", plans: 2 }
        ]);
        expect(others.map(c => c.country)).toEqual(["Albanie", "Équateur"]);
    });
});
