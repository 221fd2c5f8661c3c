/**
 * The words for a record's field in a conflict or a refused change: the label the field has on
 * its own screen, in the current language; the raw name when the screens do not show it.
 */
import type { SyncRecordKind } from "../../../core/bindings";
import type { Messages } from "../../i18n";

export function fieldLabel(t: Messages, kind: SyncRecordKind, field: string): string {
    const labels = fieldLabels(t, kind);
    return Object.hasOwn(labels, field) ? (labels[field] as string) : field;
}

function fieldLabels(t: Messages, kind: SyncRecordKind): Record<string, string> {
    switch (kind) {
        case "commitment": {
            const labels: Record<string, string> = { title: t.commitment.titleLabel, areaId: t.commitment.areaLabel };
            // The form's labels, without its hints (`problemHint`…) and group legends.
            for (const [key, value] of Object.entries(t.commitment.fields)) {
                if (!key.endsWith("Hint") && key !== "values") labels[key] = value;
            }
            return labels;
        }
        case "milestone":
            return {
                title: t.milestones.fieldTitle,
                expectedOutputs: t.milestones.fieldExpectedOutputs,
                startDate: t.milestones.fieldStartDate,
                dueDate: t.milestones.fieldDueDate,
                leadInstitutionId: t.milestones.fieldLead
            };
        case "plan":
            return {
                country: t.plans.fieldCountry,
                title: t.plans.fieldTitle,
                periodStart: t.plans.fieldPeriodStart,
                periodEnd: t.plans.fieldPeriodEnd
            };
        case "area":
            return { title: t.overview.areaFieldTitle, kind: t.overview.areaFieldKind, description: t.overview.areaFieldDescription };
        case "institution":
            return { name: t.institutions.name, acronym: t.institutions.acronym, kind: t.institutions.kind };
        case "round": {
            const r = t.rounds;
            return { kind: r.kind, title: r.titleLabel, opensOn: r.opensOn, dueOn: r.dueOn, instructions: r.instructions };
        }
        case "workshop": {
            const w = t.workshopLabels;
            return {
                title: w.title,
                heldOn: w.heldOn,
                place: w.place,
                areaId: w.areaId,
                commitmentIds: w.commitmentIds,
                facilitator: w.facilitator,
                consentText: w.consentText,
                keepUntil: w.keepUntil
            };
        }
        case "participant": {
            const w = t.workshopLabels;
            return { organisationKind: w.organisationKind, name: w.name, contactEmail: w.contactEmail, contactPurpose: w.contactPurpose };
        }
        case "contribution": {
            const w = t.workshopLabels;
            return { text: w.text, outcome: w.outcome, outcomeReason: w.outcomeReason, commitmentIds: w.fed, milestoneIds: w.fed };
        }
        case "jury": {
            const j = t.juryLabels;
            return {
                title: j.sessionTitle,
                heldOn: j.heldOn,
                places: j.places,
                name: j.jurorName,
                applicant: j.applicant,
                summary: j.summary,
                contactEmail: j.contactEmail,
                reference: j.reference,
                verdict: j.scoreSheet
            };
        }
        case "report": {
            const p = t.progress;
            return {
                reportedOn: p.reportedOn,
                status: p.status,
                done: p.done,
                difficulties: p.difficulties,
                nextSteps: p.nextSteps,
                results: p.results,
                openedGovernment: p.openedGovernment,
                links: p.links,
                weight: p.weight
            };
        }
    }
}
