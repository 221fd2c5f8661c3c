import { describe, expect, test } from "vitest";
import type { Institution, InstitutionKind } from "../../core/bindings";
import { choicesFor, institutionIndex, SHOWN_LIMIT } from "./institutionChoices";

const institution = (id: string, name: string, acronym = "", kind: InstitutionKind = "ministry") =>
    ({ id, name, acronym, kind, country: "" }) as Institution;

const demo = [
    institution("mte", "Ministère de la Transition écologique", "MTE"),
    institution("cnil", "Commission nationale de l'informatique et des libertés", "CNIL", "independentAuthority"),
    institution("ce", "Conseil d'État", "", "court"),
    institution("an", "Assemblée nationale", "", "parliament"),
    institution("cada", "Commission d'accès aux documents administratifs", "CADA", "independentAuthority"),
    institution("ecole", "École nationale d'administration", "ENA")
];
const names = (list: Institution[]) => list.map(i => i.id);

describe("what an institution picker offers", () => {
    test("alphabetical order as the language sorts, accents in their place", () => {
        const { recent, others, hidden } = choicesFor(institutionIndex(demo, "fr"), "", []);
        expect(recent).toEqual([]);
        expect(names(others)).toEqual(["an", "cada", "cnil", "ce", "ecole", "mte"]);
        expect(hidden).toBe(0);
    });

    test("by acronym or by a word of the name, case and accents ignored", () => {
        const index = institutionIndex(demo, "fr");
        expect(names(choicesFor(index, "cnil", []).others)).toEqual(["cnil"]);
        expect(names(choicesFor(index, "ETAT", []).others)).toEqual(["ce"]);
        expect(names(choicesFor(index, "ecol", []).others)).toEqual(["ecole", "mte"]);
        expect(names(choicesFor(index, "commission", []).others)).toEqual(["cada", "cnil"]);
        expect(choicesFor(index, "zzz", [])).toEqual({ recent: [], others: [], hidden: 0 });
    });

    test("the institutions chosen lately come first, most recent first, if they match", () => {
        const index = institutionIndex(demo, "fr");
        const recentIds = ["mte", "gone", "cnil"];
        const all = choicesFor(index, "", recentIds);
        expect(names(all.recent)).toEqual(["mte", "cnil"]);
        expect(names(all.others)).toEqual(["an", "cada", "ce", "ecole"]);
        const commission = choicesFor(index, "commission", recentIds);
        expect(names(commission.recent)).toEqual(["cnil"]);
        expect(names(commission.others)).toEqual(["cada"]);
    });

    test("a bounded number is shown, and the rest is counted", () => {
        const many = Array.from({ length: 1300 }, (_, n) => institution(`i${n}`, `Institution ${String(n).padStart(4, "0")}`));
        const index = institutionIndex(many, "fr");
        const all = choicesFor(index, "", ["i1299"]);
        expect(all.recent).toHaveLength(1);
        expect(all.others).toHaveLength(SHOWN_LIMIT - 1);
        expect(all.others[0]!.id).toBe("i0");
        expect(all.hidden).toBe(1300 - SHOWN_LIMIT);
        const some = choicesFor(index, "institution 012", []);
        expect(some.others).toHaveLength(10);
        expect(some.hidden).toBe(0);
    });

    test("the index is made once per list and language", () => {
        expect(institutionIndex(demo, "fr")).toBe(institutionIndex(demo, "fr"));
        expect(institutionIndex(demo, "en")).not.toBe(institutionIndex(demo, "fr"));
        expect(institutionIndex([...demo], "fr")).not.toBe(institutionIndex(demo, "fr"));
    });
});
