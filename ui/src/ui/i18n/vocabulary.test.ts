/**
 * The French texts speak the glossary's French: PGO and not OGP, MRI and not IRM, engagement and
 * jalon and not commitment and milestone, no anglicism, and plurals by rule, never "(s)".
 */
import { describe, expect, test } from "vitest";
import { en } from "./en";
import { fr } from "./fr";
import { GLOSSARY, NOT_IN_FRENCH } from "./glossary";

type Tree = { [key: string]: unknown };

/** Every text with its key, functions called with several numbers and names so each plural shows. */
function texts(tree: Tree, prefix = ""): [string, string][] {
    return Object.entries(tree).flatMap(([key, value]): [string, string][] => {
        const path = prefix + key;
        if (typeof value === "string") return [[path, value]];
        if (typeof value === "function") {
            return [0, 1, 2, 1020].map(n => {
                // A name, not a single letter: "(x)" would read as a plural written "(x)".
                const args = Array.from({ length: value.length }, (_, i) => (i === 0 ? n : "Nom"));
                return [path, String(value(...args))] as [string, string];
            });
        }
        return texts(value as Tree, `${path}.`);
    });
}

/** Where `word` stands as a word (or words) in `text`, case and accents aside. */
function contains(text: string, word: string): boolean {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, "iu").test(text);
}

const frenchTexts = [
    ...texts(fr as unknown as Tree),
    ...GLOSSARY.flatMap(entry => [
        [`glossary.${entry.id}.term`, entry.fr.term],
        [`glossary.${entry.id}.definition`, entry.fr.definition]
    ] as [string, string][])
];

describe("vocabulary", () => {
    test("no French text writes a plural as “(s)”: counts say it by rule", () => {
        const hacks = frenchTexts.filter(([, text]) => /\((s|e|es|x)\)/i.test(text));
        expect(hacks).toEqual([]);
    });

    test("no French text uses an English word of the glossary, nor an anglicism", () => {
        const english = [...GLOSSARY.flatMap(entry => entry.notInFrench), ...NOT_IN_FRENCH];
        const found = frenchTexts.flatMap(([path, text]) => english.filter(word => contains(text, word)).map(word => `${path}: ${word} in “${text}”`));
        expect(found).toEqual([]);
    });

    test("the test finds what it looks for", () => {
        expect(contains("Importer la base des engagements OGP", "OGP")).toBe(true);
        expect(contains("Confirmer l'annulation", "IRM")).toBe(false);
        expect(contains("Le tableau (Dashboard) du plan", "dashboard")).toBe(true);
        expect(contains("Un commitment database", "commitment")).toBe(true);
    });

    test("the glossary has each word once, in both languages, with the words French texts use", () => {
        const ids = GLOSSARY.map(entry => entry.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const entry of GLOSSARY) {
            for (const words of [entry.fr, entry.en]) {
                expect(words.term.trim(), entry.id).not.toBe("");
                expect(words.definition.trim(), entry.id).not.toBe("");
            }
        }
        const term = (id: string) => GLOSSARY.find(entry => entry.id === id);
        expect(term("pgo")?.fr.term).toMatch(/^PGO — Partenariat pour un gouvernement ouvert$/);
        expect(term("pgo")?.en.term).toMatch(/^OGP — Open Government Partnership$/);
        expect(term("mri")?.fr.term).toBe("MRI — Mécanisme de rapport indépendant");
        // The screens name things as the glossary does.
        expect(fr.milestones.title).toBe("Jalons");
        expect(fr.commitment.fields.leadInstitutionId).toBe(term("porteuse")?.fr.term);
        expect(fr.commitment.fields.supportingInstitutionIds).toBe(term("partenaires")?.fr.term);
        expect(en.commitment.fields.leadInstitutionId).toBe(term("porteuse")?.en.term);
        expect(fr.origin.assessmentTitle).toContain("Mécanisme de rapport indépendant (MRI)");
    });
});
