/** The in-memory backend behaves like the real one for what the screens rely on. */
import { describe, expect, test } from "vitest";
import type { Failure } from "../bindings";
import { createMockBackend } from "./mock";

const backend = () => createMockBackend({ latencyMs: 0, storage: null });

async function refusal(promise: Promise<unknown>): Promise<Failure> {
    try {
        await promise;
    } catch (failure) {
        return failure as Failure;
    }
    throw new Error("expected a refusal");
}

describe("mock backend", () => {
    test("the demo plan is the French 2021-2023 plan, loaded once", async () => {
        const b = backend();
        const plan = await b.loadDemoPlan();
        expect(plan).toMatchObject({ country: "France", periodStart: "2021-12-17", periodEnd: "2023-12-31", isDemo: true });
        expect((await b.loadDemoPlan()).id).toBe(plan.id);
        expect(await b.listPlans()).toHaveLength(1);
        const overview = await b.planOverview(plan.id, { query: "", institutionId: null });
        expect(overview.areas.map(a => a.area.kind)).toEqual(["transversal", "transversal", "transversal", "thematic", "thematic", "thematic"]);
        expect((await b.listInstitutions()).map(i => i.acronym).filter(Boolean).sort()).toEqual(["CNIL", "DITP", "HATVP", "MEAE", "MSS", "MTE"]);
    });

    test("search ignores accents and case; an area whose title matches keeps all its commitments", async () => {
        const b = backend();
        const plan = await b.loadDemoPlan();
        const overview = await b.planOverview(plan.id, { query: "ecologique", institutionId: null });
        expect(overview.filtered).toBe(true);
        const shown = overview.areas.filter(a => a.commitments.length > 0);
        expect(shown.map(a => a.area.title)).toEqual(["Accélérer la transition écologique"]);
        expect(overview.matchingCount).toBe(shown[0]!.totalCommitments);
        const prefix = await b.planOverview(plan.id, { query: "DONNEES envir", institutionId: null });
        expect(prefix.areas.flatMap(a => a.commitments.map(c => c.title))).toContain("Ouvrir les données environnementales");
    });

    test("the institution filter keeps commitments the institution leads or supports", async () => {
        const b = backend();
        const plan = await b.loadDemoPlan();
        const mte = (await b.listInstitutions()).find(i => i.acronym === "MTE")!;
        const overview = await b.planOverview(plan.id, { query: "", institutionId: mte.id });
        const titles = overview.areas.flatMap(a => a.commitments.map(c => c.title));
        expect(titles).toContain("Ouvrir les données environnementales");
        expect(titles).toContain("Développer la participation citoyenne dans les ministères"); // supporting
        expect(titles).not.toContain("Ouvrir les décisions de justice");
    });

    test("refusals name the field and speak the chosen language", async () => {
        const b = backend();
        const plan = await b.loadDemoPlan();
        const areaId = (await b.planOverview(plan.id, { query: "", institutionId: null })).areas[0]!.area.id;
        const commitment = await b.createCommitment(areaId, "Un engagement");
        const email = await refusal(b.editCommitment(commitment.id, { field: "contactEmail", value: "marie.curie" }));
        expect(email.code).toBe("validation");
        expect(email.fields).toEqual([
            { field: "contactEmail", message: "Adresse électronique invalide : elle doit être de la forme prenom.nom@exemple.gouv.fr." }
        ]);
        const due = await refusal(
            b.createMilestone(commitment.id, { title: "Publier", expectedOutputs: "", startDate: "", dueDate: "2024-03-01", leadInstitutionId: null })
        );
        expect(due.fields).toEqual([
            { field: "dueDate", message: "La date doit être comprise dans la période du plan d'action, du 17/12/2021 au 31/12/2023." }
        ]);
        await b.setLocale("en");
        const title = await refusal(b.editCommitment(commitment.id, { field: "title", value: "   " }));
        expect(title.fields).toEqual([{ field: "title", message: "This field is required." }]);
    });

    test("a due date before the start is refused on the due date", async () => {
        const b = backend();
        const plan = await b.loadDemoPlan();
        const areaId = (await b.planOverview(plan.id, { query: "", institutionId: null })).areas[0]!.area.id;
        const c = await b.createCommitment(areaId, "Engagement");
        const failure = await refusal(
            b.createMilestone(c.id, { title: "Jalon", expectedOutputs: "", startDate: "2022-06-01", dueDate: "2022-05-01", leadInstitutionId: null })
        );
        expect(failure.fields.map(f => f.field)).toEqual(["dueDate"]);
    });

    test("milestones move to a new position and come back in order", async () => {
        const b = backend();
        const plan = await b.loadDemoPlan();
        const areaId = (await b.planOverview(plan.id, { query: "", institutionId: null })).areas[0]!.area.id;
        const c = await b.createCommitment(areaId, "Engagement");
        const input = { expectedOutputs: "", startDate: "", dueDate: "", leadInstitutionId: null };
        const a = await b.createMilestone(c.id, { title: "A", ...input });
        await b.createMilestone(c.id, { title: "B", ...input });
        await b.createMilestone(c.id, { title: "C", ...input });
        const moved = await b.moveMilestone(a.id, 2);
        expect(moved.map(m => [m.title, m.position])).toEqual([["B", 0], ["C", 1], ["A", 2]]);
        await b.deleteMilestone(moved[1]!.id);
        expect((await b.getCommitment(c.id)).milestones.map(m => [m.title, m.position])).toEqual([["B", 0], ["A", 1]]);
    });

    test("a used institution or a non-empty area cannot be deleted; a deleted record is not found", async () => {
        const b = backend();
        const plan = await b.loadDemoPlan();
        const hatvp = (await b.listInstitutions()).find(i => i.acronym === "HATVP")!;
        expect((await refusal(b.deleteInstitution(hatvp.id))).code).toBe("inUse");
        const area = (await b.planOverview(plan.id, { query: "", institutionId: null })).areas[0]!.area;
        expect((await refusal(b.deleteArea(area.id))).code).toBe("inUse");
        const empty = await b.createArea(plan.id, { kind: "thematic", title: "Nouvel axe", description: "" });
        await b.deleteArea(empty.id);
        expect((await refusal(b.updateArea(empty.id, { kind: "thematic", title: "x", description: "" }))).code).toBe("notFound");
        const unused = await b.createInstitution({ name: "Conseil d'État", acronym: "", kind: "court" });
        await b.deleteInstitution(unused.id);
        expect((await refusal(b.getCommitment("nope"))).code).toBe("notFound");
    });

    test("the completeness counts the 15 template fields", async () => {
        const b = backend();
        const plan = await b.loadDemoPlan();
        const areaId = (await b.planOverview(plan.id, { query: "", institutionId: null })).areas[0]!.area.id;
        const c = await b.createCommitment(areaId, "Engagement");
        await b.editCommitment(c.id, { field: "problem", value: "Un problème" });
        await b.editCommitment(c.id, { field: "civicParticipation", value: true });
        const summary = (await b.planOverview(plan.id, { query: "", institutionId: null })).areas[0]!.commitments.find(x => x.id === c.id)!;
        expect([summary.filledFields, summary.totalFields]).toEqual([2, 15]);
    });

    test("a plan's period cannot shrink past the dates already in it", async () => {
        const b = backend();
        const plan = await b.loadDemoPlan();
        const failure = await refusal(b.updatePlan(plan.id, { country: "France", title: plan.title, periodStart: "2022-06-01", periodEnd: "2023-12-31" }));
        expect(failure.fields.map(f => f.field)).toEqual(["periodStart"]);
    });
});
