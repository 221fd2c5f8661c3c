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

describe("mock sync", () => {
    test("not configured at start; local edits are not counted until a server is set", async () => {
        const b = backend();
        expect(await b.getSyncStatus()).toMatchObject({ connection: "notConfigured", pending: 0, serverUrl: null, lastSuccess: null });
        expect(await b.getSyncSettings()).toEqual({ serverUrl: null, account: null, tokenStorage: null });
        await b.loadDemoPlan();
        expect((await b.getSyncStatus()).pending).toBe(0);
    });

    test("connecting checks the address, then the token, with the backend's sentences in both languages", async () => {
        const b = backend();
        const both = await refusal(b.connectSync({ serverUrl: "plan.gouv.fr", token: " " }));
        expect(both.code).toBe("validation");
        expect(both.message).toBe("Deux champs sont à corriger.");
        expect(both.fields).toEqual([
            { field: "serverUrl", message: "Saisissez une adresse commençant par http:// ou https://." },
            { field: "token", message: "Saisissez le jeton reçu de votre administrateur." }
        ]);
        const wrong = await refusal(b.connectSync({ serverUrl: "https://plan.exemple.gouv.fr", token: "abc" }));
        expect(wrong.fields).toEqual([
            { field: "token", message: "Ce jeton n'est pas reconnu par le serveur (erreur de saisie ou jeton révoqué)." }
        ]);
        const away = await refusal(b.connectSync({ serverUrl: "https://plan.invalid", token: "po_abc" }));
        expect(away.fields.map(f => f.field)).toEqual(["serverUrl"]);
        await b.setLocale("en");
        const english = await refusal(b.connectSync({ serverUrl: "https://plan.exemple.gouv.fr", token: "abc" }));
        expect(english.fields[0]!.message).toBe("The server does not recognise this token (typo or revoked token).");
        expect((await b.getSyncStatus()).connection).toBe("notConfigured");
    });

    test("once connected, each edit is a change to send; syncing sends them all; listeners hear every change", async () => {
        const b = backend();
        const seen: number[] = [];
        const stop = await b.onSyncStatus(status => seen.push(status.pending));
        const settings = await b.connectSync({ serverUrl: "https://plan.exemple.gouv.fr", token: "po_coord_1" });
        expect(settings).toMatchObject({ serverUrl: "https://plan.exemple.gouv.fr", tokenStorage: "file", account: { role: "coordinator" } });
        const plan = await b.loadDemoPlan();
        const areaId = (await b.planOverview(plan.id, { query: "", institutionId: null })).areas[0]!.area.id;
        const c = await b.createCommitment(areaId, "Engagement");
        await b.editCommitment(c.id, { field: "problem", value: "Un problème" });
        await refusal(b.editCommitment(c.id, { field: "contactEmail", value: "x" })); // refused: not a change
        expect(await b.getSyncStatus()).toMatchObject({ connection: "online", pending: 3 });
        const after = await b.syncNow();
        expect(after).toMatchObject({ pending: 0, syncing: false, lastError: null });
        expect(after.lastSuccess).not.toBeNull();
        expect(seen).toContain(3);
        stop();
        await b.editCommitment(c.id, { field: "causes", value: "Des causes" });
        expect(seen.at(-1)).toBe(0);
    });

    test("offline, nothing is sent; a revoked token says why", async () => {
        const b = backend();
        await b.connectSync({ serverUrl: "https://plan.exemple.gouv.fr", token: "po_1" });
        await b.createInstitution({ name: "Conseil d'État", acronym: "", kind: "court" });
        b.sync.setOffline(true);
        expect(await b.syncNow()).toMatchObject({
            connection: "offline",
            pending: 1,
            lastError: "Le serveur ne répond pas à cette adresse. Vérifiez l'adresse et votre connexion."
        });
        b.sync.setOffline(false);
        expect(await b.syncNow()).toMatchObject({ connection: "online", pending: 0 });
        b.sync.revokeToken();
        expect(await b.getSyncStatus()).toMatchObject({ connection: "unauthorized" });
        await b.disconnectSync();
        expect(await b.getSyncStatus()).toMatchObject({ connection: "notConfigured", serverUrl: null });
    });

    test("a resolved conflict is gone and becomes a change to send; its text is checked; a refusal is discarded", async () => {
        const b = backend();
        await b.connectSync({ serverUrl: "https://plan.exemple.gouv.fr", token: "po_1" });
        const plan = await b.loadDemoPlan();
        await b.syncNow();
        const areaId = (await b.planOverview(plan.id, { query: "", institutionId: null })).areas[0]!.area.id;
        const c = await b.createCommitment(areaId, "Engagement");
        await b.syncNow();
        const id = b.sync.injectConflict({ recordId: c.id, commitmentId: c.id, recordTitle: "Engagement", field: "title", editable: true, mine: "A", theirs: "B" });
        expect((await b.getSyncStatus()).conflicts).toBe(1);
        const empty = await refusal(b.resolveConflict(id, { choice: "text", value: "  " }));
        expect(empty.fields).toEqual([{ field: "title", message: "Ce champ est obligatoire." }]);
        await b.resolveConflict(id, { choice: "text", value: "A et B" });
        expect(await b.listConflicts()).toEqual([]);
        expect(await b.getSyncStatus()).toMatchObject({ conflicts: 0, pending: 1 });
        expect((await b.getCommitment(c.id)).commitment.title).toBe("A et B");
        expect((await refusal(b.resolveConflict(id, { choice: "mine" }))).code).toBe("notFound");

        const r = b.sync.injectRejection({ recordTitle: "Engagement", reason: "Refusé.", text: "Titre : X" });
        expect((await b.listRejections()).map(x => x.id)).toEqual([r]);
        await b.discardRejection(r);
        expect(await b.getSyncStatus()).toMatchObject({ rejections: 0 });
    });

    test("changes received from the server raise the revision without counting as local changes", async () => {
        const b = backend();
        await b.connectSync({ serverUrl: "https://plan.exemple.gouv.fr", token: "po_1" });
        const plan = await b.loadDemoPlan();
        await b.syncNow();
        const areaId = (await b.planOverview(plan.id, { query: "", institutionId: null })).areas[0]!.area.id;
        const c = await b.createCommitment(areaId, "Engagement");
        await b.syncNow();
        const before = (await b.getSyncStatus()).revision;
        b.sync.receiveCommitmentEdit(c.id, { field: "problem", value: "Écrit par un collègue" });
        expect(await b.getSyncStatus()).toMatchObject({ revision: before + 1, pending: 0 });
        expect((await b.getCommitment(c.id)).commitment.problem).toBe("Écrit par un collègue");
    });
});

describe("mock open data", () => {
    test("an import reports its progress, writes the plan it names and says what it created; again, it changes nothing", async () => {
        const b = backend();
        await b.loadDemoPlan();
        const seen: string[] = [];
        const stop = await b.onImportProgress(p => seen.push(`${p.stage} ${p.done}/${p.total}`));
        const summary = await b.importOgpCsv();
        stop();
        expect(seen[0]).toMatch(/^reading \d+\/5$/);
        expect(seen).toContain("reading 5/5");
        expect(seen.at(-1)).toMatch(/^writing (\d+)\/\1$/);
        expect(summary).toMatchObject({
            rows: 5,
            plans: { created: 1, updated: 0, unchanged: 0 },
            areas: { created: 2, updated: 0, unchanged: 0 },
            // The demo already has the MEAE, the DITP and the Assemblée nationale: used, not doubled.
            institutions: { created: 2, updated: 0, unchanged: 3 },
            commitments: { created: 5, updated: 0, unchanged: 0 }
        });
        // Dates are never guessed: each one not read with certainty is a warning naming its row.
        expect(summary!.warnings.map(w => [w.row, w.identifier, w.column])).toEqual([
            [3, "FR0033", "Start Date"],
            [4, "FR0034", "End Date"]
        ]);
        const plans = await b.listPlans();
        expect(plans.map(p => p.title)).toContain("France — Plan d'action national 2018-2020");
        const imported = plans.find(p => p.title === "France — Plan d'action national 2018-2020")!;
        const overview = await b.planOverview(imported.id, { query: "", institutionId: null });
        expect(overview.commitmentCount).toBe(5);
        expect((await b.listInstitutions()).filter(i => i.name === "Assemblée nationale")).toHaveLength(1);

        const first = overview.areas[0]!.commitments[0]!;
        const detail = await b.getCommitment(first.id);
        expect(detail.origin).toMatchObject({ ogpId: "FR0032", number: "1", assessment: { starred: { status: "assessed", value: true } } });
        const ambiguous = overview.areas.flatMap(a => a.commitments).find(c => c.title.startsWith("Améliorer la transparence"))!;
        const withRawDate = await b.getCommitment(ambiguous.id);
        expect(withRawDate.commitment.startDate).toBeNull();
        expect(withRawDate.origin?.startDateSource).toBe("5/6/2019");

        const again = await b.importOgpCsv();
        expect(again).toMatchObject({
            plans: { created: 0, updated: 0, unchanged: 1 },
            areas: { created: 0, updated: 0, unchanged: 2 },
            institutions: { created: 0, updated: 0, unchanged: 5 },
            commitments: { created: 0, updated: 0, unchanged: 5 }
        });
        expect(await b.listPlans()).toHaveLength(plans.length);
    });

    test("importing again updates what changed in the file", async () => {
        const b = backend();
        await b.importOgpCsv();
        const rows = b.openData.sampleRows();
        rows[1]!.title = "Un titre corrigé dans la base";
        b.openData.stageImport({ outcome: "file", rows });
        expect((await b.importOgpCsv())!.commitments).toEqual({ created: 0, updated: 1, unchanged: 4 });
    });

    test("a refused file writes nothing and says why, row by row; a cancelled dialog resolves to null", async () => {
        const b = backend();
        b.openData.stageImport({ outcome: "refused" });
        const failure = await refusal(b.importOgpCsv());
        expect(failure.code).toBe("validation");
        expect(failure.message).toContain("\nligne 3 : ");
        expect(await b.listPlans()).toEqual([]);
        expect(await b.listInstitutions()).toEqual([]);
        b.openData.stageImport({ outcome: "cancelled" });
        expect(await b.importOgpCsv()).toBeNull();
        expect(await b.listPlans()).toEqual([]);
        // Only the next import was staged.
        expect((await b.importOgpCsv())!.rows).toBe(5);
    });

    test("a drafted commitment has no origin until a test gives it one", async () => {
        const b = backend();
        const plan = await b.loadDemoPlan();
        const c = (await b.planOverview(plan.id, { query: "", institutionId: null })).areas[0]!.commitments[0]!;
        expect((await b.getCommitment(c.id)).origin).toBeNull();
        b.openData.setOrigin(c.id, b.openData.sampleOrigin());
        expect((await b.getCommitment(c.id)).origin?.ogpId).toBe("FR0032");
    });

    test("an export resolves to where it wrote, or null when the dialog is cancelled", async () => {
        const b = backend();
        const plan = await b.loadDemoPlan();
        expect(await b.exportPlan(plan.id, "json")).toBe("~/Documents/plan.json");
        expect(await b.exportPlan(plan.id, "csv")).toBe("~/Documents/plan-csv");
        b.openData.stageExport({ outcome: "cancelled" });
        expect(await b.exportPlan(plan.id, "html")).toBeNull();
        b.openData.stageExport({ outcome: "failed", message: "Disque plein." });
        expect(await refusal(b.exportPlan(plan.id, "html"))).toMatchObject({ code: "storage", message: "Disque plein." });
        expect(b.openData.exports().map(e => e.format)).toEqual(["json", "csv"]);
        expect((await refusal(b.exportPlan("nope", "json"))).code).toBe("notFound");
    });
});
