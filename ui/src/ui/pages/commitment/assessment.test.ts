import { describe, expect, test } from "vitest";
import type { Assessed, Assessment } from "../../../core/bindings";
import { en } from "../../i18n/en";
import { fr } from "../../i18n/fr";
import { assessedText, assessmentLines, isStarred, type AssessmentLine } from "./assessment";

const value = <T>(v: T): Assessed<T> => ({ status: "assessed", value: v });

const assessment: Assessment = {
    specificity: value("high"),
    verifiable: value(true),
    relevantAccessToInformation: value(true),
    relevantCivicParticipation: { status: "notRelevant" },
    relevantPublicAccountability: value(false),
    relevantTechnology: { status: "notAssessed" },
    potentialImpact: value("transformative"),
    potentialForResults: { status: "notApplicable" },
    completionProgressReport: value("substantial"),
    completionEndOfTerm: value("notStarted"),
    openedGovernment: value("noEarlyResultsYet"),
    openedGovernmentAccessToInformation: value("worsens"),
    openedGovernmentCivicParticipation: { status: "missing" },
    openedGovernmentPublicAccountability: value("didNotChange"),
    earlyResults: value("noNotableResults"),
    starred: value(true)
};

/** Every line as "label: text", groups flattened as "group / label: text". */
function flat(lines: AssessmentLine[]): string[] {
    return lines.flatMap(l => ("lines" in l ? l.lines.map(x => `${l.label} / ${x.label}: ${x.value.text}`) : [`${l.label}: ${l.value.text}`]));
}

describe("IRM assessment in words", () => {
    test("the three kinds of “no value” are told apart, and from an empty cell", () => {
        const id = (v: string) => v;
        expect(assessedText(fr, { status: "notAssessed" }, id)).toEqual({ kind: "notAssessed", text: "Non évalué (ND)" });
        expect(assessedText(fr, { status: "notRelevant" }, id)).toEqual({ kind: "notRelevant", text: "Non pertinent (NR)" });
        expect(assessedText(fr, { status: "notApplicable" }, id)).toEqual({ kind: "notApplicable", text: "Sans objet (NA)" });
        expect(assessedText(fr, { status: "missing" }, id)).toEqual({ kind: "missing", text: "non renseigné" });
        expect(assessedText(en, { status: "notAssessed" }, id).text).toBe("Not assessed (ND)");
        expect(assessedText(en, { status: "notRelevant" }, id).text).toBe("Not relevant (NR)");
        expect(assessedText(en, { status: "notApplicable" }, id).text).toBe("Not applicable (NA)");
    });

    test("each value reads as its scale's label, in French and in English", () => {
        const { design, implementation } = assessmentLines(fr, assessment);
        expect(flat(design)).toEqual([
            "Spécificité: Élevée",
            "Vérifiable: Oui",
            "Pertinence pour les valeurs du PGO / Accès à l'information: Oui",
            "Pertinence pour les valeurs du PGO / Participation civique: Non pertinent (NR)",
            "Pertinence pour les valeurs du PGO / Redevabilité publique: Non",
            "Pertinence pour les valeurs du PGO / Technologie et innovation: Non évalué (ND)",
            "Impact potentiel: Transformateur",
            "Potentiel de résultats: Sans objet (NA)"
        ]);
        expect(flat(implementation)).toEqual([
            "Achèvement (rapport d'étape): Substantiel",
            "Achèvement (fin de mandat): Non commencé",
            "A-t-il ouvert le gouvernement ? / Dans l'ensemble: Pas encore de résultats à rapporter",
            "A-t-il ouvert le gouvernement ? / Accès à l'information: Recul",
            "A-t-il ouvert le gouvernement ? / Participation civique: non renseigné",
            "A-t-il ouvert le gouvernement ? / Redevabilité publique: Aucun changement",
            "Premiers résultats: Pas de résultat notable"
        ]);
        const english = assessmentLines(en, assessment);
        expect(flat(english.design)).toContain("Specificity: High");
        expect(flat(english.design)).toContain("Potential impact: Transformative");
        expect(flat(english.implementation)).toContain("Did it open government? / Access to information: Worsened");
        expect(flat(english.implementation)).toContain("Completion (end of term): Not started");
        expect(flat(english.implementation)).toContain("Early results: No notable results");
    });

    test("every label of every scale is its own, in both languages", () => {
        for (const t of [fr, en]) {
            for (const scale of Object.values(t.origin.scales)) {
                const labels = Object.values(scale);
                expect(new Set(labels).size).toBe(labels.length);
            }
        }
        expect(fr.origin.scales.potentialImpact).toEqual({ none: "Aucun", minor: "Mineur", moderate: "Modéré", transformative: "Transformateur" });
        expect(Object.values(fr.origin.scales.completion)).toEqual(["Non commencé", "Limité", "Substantiel", "Achevé", "Retiré", "Incertain"]);
        expect(Object.values(fr.origin.scales.potentialForResults)).toEqual(["Incertain", "Modeste", "Substantiel"]);
        expect(Object.values(fr.origin.scales.earlyResults)).toEqual(["Pas de résultat notable", "Modérés", "Significatifs", "Exceptionnels"]);
    });

    test("a commitment is starred only when the IRM says so", () => {
        expect(isStarred(assessment)).toBe(true);
        expect(isStarred({ ...assessment, starred: value(false) })).toBe(false);
        expect(isStarred({ ...assessment, starred: { status: "notAssessed" } })).toBe(false);
        expect(isStarred(null)).toBe(false);
    });
});
