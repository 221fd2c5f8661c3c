import { describe, expect, test } from "vitest";
import { en } from "./en";
import { fr } from "./fr";

type Tree = { [key: string]: unknown };

/** Every key path with the kind of its value: `plans.title: string`, `overview.counts: function/3`. */
function shape(tree: Tree, prefix = ""): string[] {
    return Object.entries(tree).flatMap(([key, value]) => {
        const path = prefix + key;
        if (typeof value === "function") return [`${path}: function/${value.length}`];
        if (typeof value === "string") return [`${path}: string`];
        return shape(value as Tree, `${path}.`);
    });
}

/** Every text, functions called with sample arguments. */
function texts(tree: Tree): string[] {
    return Object.values(tree).flatMap(value => {
        if (typeof value === "function") return [String(value(...Array.from({ length: value.length }, (_, i) => (i === 0 ? 2 : "x"))))];
        if (typeof value === "string") return [value];
        return texts(value as Tree);
    });
}

describe("translations", () => {
    test("English has exactly the keys of French, the source language, with the same kinds", () => {
        expect(shape(en)).toEqual(shape(fr));
    });

    test("no text is empty", () => {
        for (const text of [...texts(fr), ...texts(en)]) expect(text.trim()).not.toBe("");
    });

    test("counts are written with French and English plurals", () => {
        expect(fr.overview.counts(6, 1, 0)).toBe("6 axes, 1 engagement, 0 jalon");
        expect(en.overview.counts(6, 1, 0)).toBe("6 areas, 1 commitment, 0 milestones");
        expect(fr.commitment.unsaved(1)).toBe("Non enregistré : 1 champ à corriger");
        expect(fr.overview.completeness(8, 15)).toBe("8/15 champs remplis");
    });

    test("the import's progress groups thousands as each language does", () => {
        expect(fr.importOgp.reading(120, 405)).toBe("Lecture du fichier… 120 / 405 lignes");
        expect(fr.importOgp.writing(300, 1020)).toMatch(/^Enregistrement… 300 \/ 1\s020$/);
        expect(fr.importOgp.reading(3, 0)).toBe("Lecture du fichier… 3 lignes");
        expect(en.importOgp.reading(1, 1)).toBe("Reading the file… 1 / 1 row");
        expect(en.importOgp.writing(300, 1020)).toBe("Saving… 300 / 1,020");
        expect(fr.importOgp.warningsTitle(1)).toBe("1 point à vérifier");
        expect(en.importOgp.rowsRead(405)).toBe("405 rows read; the data is saved on this computer.");
    });
});
