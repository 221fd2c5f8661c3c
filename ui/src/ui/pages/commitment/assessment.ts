/**
 * The IRM assessment of an imported commitment, in words: each value as the scale's label in the
 * current language, and the three kinds of "no value" kept apart — not assessed (ND), not
 * relevant (NR), not applicable (NA) — from a cell left empty in the source.
 */
import type { Assessed, Assessment, OpenedGovernment } from "../../../core/bindings";
import type { Messages } from "../../i18n";

export type AssessedKind = "value" | "notAssessed" | "notRelevant" | "notApplicable" | "missing";

/** What to show for one value. `missing` is shown as "—", `text` being for screen readers. */
export type AssessedText = { kind: AssessedKind; text: string };

export function assessedText<T>(t: Messages, value: Assessed<T>, label: (value: T) => string): AssessedText {
    switch (value.status) {
        case "assessed":
            return { kind: "value", text: label(value.value) };
        case "notAssessed":
            return { kind: "notAssessed", text: t.origin.notAssessed };
        case "notRelevant":
            return { kind: "notRelevant", text: t.origin.notRelevant };
        case "notApplicable":
            return { kind: "notApplicable", text: t.origin.notApplicable };
        case "missing":
            return { kind: "missing", text: t.origin.missing };
    }
}

/** One line of the assessment, or a group of lines under a label (one per OGP value). */
export type AssessmentLine =
    | { key: string; label: string; value: AssessedText }
    | { key: string; label: string; lines: { key: string; label: string; value: AssessedText }[] };

/** The assessment in two parts, as the IRM reports it: the commitment's design, then its implementation. */
export function assessmentLines(t: Messages, a: Assessment): { design: AssessmentLine[]; implementation: AssessmentLine[] } {
    const o = t.origin;
    const s = o.scales;
    const yesNo = (v: boolean) => (v ? o.yes : o.no);
    const line = <T>(key: string, label: string, value: Assessed<T>, name: (v: T) => string) => ({
        key,
        label,
        value: assessedText(t, value, name)
    });
    const opened = (v: OpenedGovernment) => s.openedGovernment[v];
    return {
        design: [
            line("specificity", o.specificity, a.specificity, v => s.specificity[v]),
            line("verifiable", o.verifiable, a.verifiable, yesNo),
            {
                key: "relevance",
                label: o.relevance,
                lines: [
                    line("relevantAccessToInformation", o.values.accessToInformation, a.relevantAccessToInformation, yesNo),
                    line("relevantCivicParticipation", o.values.civicParticipation, a.relevantCivicParticipation, yesNo),
                    line("relevantPublicAccountability", o.values.publicAccountability, a.relevantPublicAccountability, yesNo),
                    line("relevantTechnology", o.values.technology, a.relevantTechnology, yesNo)
                ]
            },
            line("potentialImpact", o.potentialImpact, a.potentialImpact, v => s.potentialImpact[v]),
            line("potentialForResults", o.potentialForResults, a.potentialForResults, v => s.potentialForResults[v])
        ],
        implementation: [
            line("completionProgressReport", o.completionProgressReport, a.completionProgressReport, v => s.completion[v]),
            line("completionEndOfTerm", o.completionEndOfTerm, a.completionEndOfTerm, v => s.completion[v]),
            {
                key: "openedGovernment",
                label: o.openedGovernment,
                lines: [
                    line("openedGovernment", o.overall, a.openedGovernment, opened),
                    line("openedGovernmentAccessToInformation", o.values.accessToInformation, a.openedGovernmentAccessToInformation, opened),
                    line("openedGovernmentCivicParticipation", o.values.civicParticipation, a.openedGovernmentCivicParticipation, opened),
                    line("openedGovernmentPublicAccountability", o.values.publicAccountability, a.openedGovernmentPublicAccountability, opened)
                ]
            },
            line("earlyResults", o.earlyResults, a.earlyResults, v => s.earlyResults[v])
        ]
    };
}

/** A starred commitment: the IRM said so, in so many words. */
export function isStarred(a: Assessment | null): boolean {
    return a !== null && a.starred.status === "assessed" && a.starred.value;
}
