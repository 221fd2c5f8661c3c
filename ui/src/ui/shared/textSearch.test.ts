import { describe, expect, test } from "vitest";
import { foldText, matcher, searchWords } from "./textSearch";

const finds = (query: string, ...texts: string[]) => matcher(query)(searchWords(...texts));

describe("searching a list as a person types", () => {
    test("case and accents are ignored, both ways", () => {
        expect(foldText("Conseil d'État")).toBe("conseil d'etat");
        expect(finds("etat", "Conseil d'État")).toBe(true);
        expect(finds("ÉTAT", "Conseil d'Etat")).toBe(true);
        expect(finds("écologique", "Ministère de la Transition ecologique")).toBe(true);
        expect(finds("oeuvre", "Mise en œuvre")).toBe(true);
    });

    test("an acronym is found like a word of the name", () => {
        const cnil = ["Commission nationale de l'informatique et des libertés", "CNIL"] as const;
        expect(finds("cnil", ...cnil)).toBe(true);
        expect(finds("CNI", ...cnil)).toBe(true);
        expect(finds("libertes", ...cnil)).toBe(true);
    });

    test("every word typed must begin a word of the text, in any order", () => {
        const mte = "Ministère de la Transition écologique";
        expect(finds("min tra", mte)).toBe(true);
        expect(finds("ecolo transition", mte)).toBe(true);
        expect(finds("min culture", mte)).toBe(false);
        // Inside a word is not a beginning.
        expect(finds("logique", mte)).toBe(false);
    });

    test("punctuation separates words, and an empty query finds everything", () => {
        expect(finds("d'etat", "Conseil d'État")).toBe(true);
        expect(finds("  ", "Anything")).toBe(true);
        expect(finds("", "")).toBe(true);
        expect(finds("x", "")).toBe(false);
    });
});
