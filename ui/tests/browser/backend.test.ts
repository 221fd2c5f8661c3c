/**
 * The real core, called through the bridge the way the interface calls it: what the screens rely
 * on, checked without a page. Each test runs on laptops of its own (fresh stores); sync tests
 * talk to a real central plan API (`startPlanServer`), and open data tests answer the file
 * dialogs beforehand (`script`) with real files: the OGP sample in `shared/data/ogp`, or rows of
 * it.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, inject, test } from "vitest";
import type { Backend } from "../../src/core/backend";
import type { Failure, ImportProgress, SyncStatus } from "../../src/core/bindings";
import { importEveryPlan, laptop, newLaptop, notified, PEOPLE, script, startPlanServer, temporaryFolder, type Person, type PlanServer } from "./core";

/** A new laptop (empty store) and its backend; `id` reopens the same store with `laptop(id)`. */
async function fresh(): Promise<{ b: Backend; id: string }> {
    const id = await newLaptop();
    return { b: laptop(id), id };
}

async function refusal(promise: Promise<unknown>): Promise<Failure> {
    try {
        await promise;
    } catch (failure) {
        return failure as Failure;
    }
    throw new Error("expected a refusal");
}

/** An id of the right shape that names nothing. */
const UNKNOWN = "01a22a67-0000-7000-8000-000000000000";

/** What the laptop sends to its interface, as the page would hear it (the bridge's event stream). */
async function listen(id: string, onEvent: (name: string, payload: unknown) => void): Promise<() => void> {
    const abort = new AbortController();
    const response = await fetch(`${inject("baseUrl")}bridge/s/${id}/events`, { signal: abort.signal });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
        let buffer = "";
        try {
            for (;;) {
                const { value, done } = await reader.read();
                if (done) return;
                buffer += value;
                let end: number;
                while ((end = buffer.indexOf("\n\n")) >= 0) {
                    const block = buffer.slice(0, end);
                    buffer = buffer.slice(end + 2);
                    const name = /^event: ?(.*)$/m.exec(block)?.[1];
                    const data = /^data: ?(.*)$/m.exec(block)?.[1];
                    if (name && data !== undefined) onEvent(name, JSON.parse(data));
                }
            }
        } catch {
            // Stopped.
        }
    })();
    return () => abort.abort();
}

/** Cleans up what a test started (servers, folders), even when it fails. */
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function planServer(): Promise<PlanServer> {
    const server = await startPlanServer();
    cleanups.push(() => server.stop());
    return server;
}

function folder(): string {
    const made = temporaryFolder();
    cleanups.push(made.remove);
    return made.path;
}

const overviewOf = (b: Backend, planId: string, query = "", institutionId: string | null = null) => b.planOverview(planId, { query, institutionId });

describe("the backend, through the bridge", () => {
    test("the demo plan is the French 2021-2023 plan, loaded once", async () => {
        const { b } = await fresh();
        const plan = await b.loadDemoPlan();
        expect(plan).toMatchObject({ country: "France", periodStart: "2021-12-17", periodEnd: "2023-12-31", isDemo: true });
        expect((await b.loadDemoPlan()).id).toBe(plan.id);
        expect(await b.listPlans()).toHaveLength(1);
        const overview = await overviewOf(b, plan.id);
        expect(overview.areas.map(a => a.area.kind)).toEqual(["transversal", "transversal", "transversal", "thematic", "thematic", "thematic"]);
        expect((await b.listInstitutions()).map(i => i.acronym).filter(Boolean).sort()).toEqual(["CNIL", "DITP", "HATVP", "MEAE", "MSS", "MTE"]);
    });

    test("search ignores accents and case; an area whose title matches keeps all its commitments", async () => {
        const { b } = await fresh();
        const plan = await b.loadDemoPlan();
        const overview = await overviewOf(b, plan.id, "ecologique");
        expect(overview.filtered).toBe(true);
        const shown = overview.areas.filter(a => a.commitments.length > 0);
        expect(shown.map(a => a.area.title)).toEqual(["Accélérer la transition écologique"]);
        expect(overview.matchingCount).toBe(shown[0]!.totalCommitments);
        const prefix = await overviewOf(b, plan.id, "DONNEES envir");
        expect(prefix.areas.flatMap(a => a.commitments.map(c => c.title))).toContain(
            "Accélérer la transition écologique par l'ouverture des données environnementales"
        );
    });

    test("the institution filter keeps commitments the institution leads or supports", async () => {
        const { b } = await fresh();
        const plan = await b.loadDemoPlan();
        const mte = (await b.listInstitutions()).find(i => i.acronym === "MTE")!;
        // The demonstration plan names no supporting institution: the MTE is made one here.
        const supported = (await overviewOf(b, plan.id)).areas[0]!.commitments[0]!;
        expect(supported.title).toBe("Lancer un accélérateur d'initiatives citoyennes");
        await b.editCommitment(supported.id, { field: "supportingInstitutionIds", value: [mte.id] });
        const overview = await overviewOf(b, plan.id, "", mte.id);
        const titles = overview.areas.flatMap(a => a.commitments.map(c => c.title));
        expect(titles).toContain("Accélérer la transition écologique par l'ouverture des données environnementales"); // lead
        expect(titles).toContain("Lancer un accélérateur d'initiatives citoyennes"); // supporting
        expect(titles).not.toContain("Diffuser les décisions de justice en données ouvertes");
    });

    test("refusals name the field and speak the chosen language", async () => {
        const { b } = await fresh();
        const plan = await b.loadDemoPlan();
        const areaId = (await overviewOf(b, plan.id)).areas[0]!.area.id;
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

    test("the language is kept in the laptop's store: the app started again speaks it", async () => {
        const { b, id } = await fresh();
        expect(await b.getLocale()).toBe("fr");
        await b.setLocale("en");
        const again = laptop(id);
        expect(await again.getLocale()).toBe("en");
        expect((await refusal(again.getCommitment(UNKNOWN))).message).toBe("This commitment does not exist or was deleted.");
        // Another laptop has its own.
        expect(await (await fresh()).b.getLocale()).toBe("fr");
    });

    test("a due date before the start is refused on the due date", async () => {
        const { b } = await fresh();
        const plan = await b.loadDemoPlan();
        const areaId = (await overviewOf(b, plan.id)).areas[0]!.area.id;
        const c = await b.createCommitment(areaId, "Engagement");
        const failure = await refusal(
            b.createMilestone(c.id, { title: "Jalon", expectedOutputs: "", startDate: "2022-06-01", dueDate: "2022-05-01", leadInstitutionId: null })
        );
        expect(failure.fields.map(f => f.field)).toEqual(["dueDate"]);
    });

    test("milestones move to a new position and come back in order", async () => {
        const { b } = await fresh();
        const plan = await b.loadDemoPlan();
        const areaId = (await overviewOf(b, plan.id)).areas[0]!.area.id;
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
        const { b } = await fresh();
        const plan = await b.loadDemoPlan();
        const hatvp = (await b.listInstitutions()).find(i => i.acronym === "HATVP")!;
        expect((await refusal(b.deleteInstitution(hatvp.id))).code).toBe("inUse");
        const area = (await overviewOf(b, plan.id)).areas[0]!.area;
        expect((await refusal(b.deleteArea(area.id))).code).toBe("inUse");
        const empty = await b.createArea(plan.id, { kind: "thematic", title: "Nouvel axe", description: "" });
        await b.deleteArea(empty.id);
        expect((await refusal(b.updateArea(empty.id, { kind: "thematic", title: "x", description: "" }))).code).toBe("notFound");
        const unused = await b.createInstitution({ name: "Conseil d'État", acronym: "", kind: "court" });
        await b.deleteInstitution(unused.id);
        expect((await refusal(b.getCommitment(UNKNOWN))).code).toBe("notFound");
    });

    test("the completeness counts the 15 template fields", async () => {
        const { b } = await fresh();
        const plan = await b.loadDemoPlan();
        const areaId = (await overviewOf(b, plan.id)).areas[0]!.area.id;
        const c = await b.createCommitment(areaId, "Engagement");
        await b.editCommitment(c.id, { field: "problem", value: "Un problème" });
        await b.editCommitment(c.id, { field: "civicParticipation", value: true });
        const summary = (await overviewOf(b, plan.id)).areas[0]!.commitments.find(x => x.id === c.id)!;
        expect([summary.filledFields, summary.totalFields]).toEqual([2, 15]);
    });

    test("a plan's period cannot shrink past the dates already in it", async () => {
        const { b } = await fresh();
        const plan = await b.loadDemoPlan();
        const failure = await refusal(b.updatePlan(plan.id, { country: "France", title: plan.title, periodStart: "2022-06-01", periodEnd: "2023-12-31" }));
        expect(failure.fields.map(f => f.field)).toEqual(["periodStart"]);
    });
});

/** Connects `b` as `person` (the server checks the token at once). */
const connect = (b: Backend, server: PlanServer, person: Person) => b.connectSync({ serverUrl: server.url, token: server.tokens[person] });

/** A plan with one area and one commitment, written on `b` (not the demonstration: it reaches the server). */
async function draftPlan(b: Backend) {
    const plan = await b.createPlan({ country: "France", title: "Plan d'action national 2025-2027", periodStart: "2025-01-01", periodEnd: "2027-12-31" });
    const area = await b.createArea(plan.id, { kind: "transversal", title: "Transparence", description: "" });
    const commitment = await b.createCommitment(area.id, "Engagement");
    return { plan, area, commitment };
}

describe("sync, through the bridge", () => {
    test("not configured at start; the demonstration plan is never a change to send", async () => {
        const { b } = await fresh();
        expect(await b.getSyncStatus()).toMatchObject({ connection: "notConfigured", pending: 0, serverUrl: null, lastSuccess: null });
        expect(await b.getSyncSettings()).toEqual({ serverUrl: null, account: null, tokenStorage: null });
        await b.loadDemoPlan();
        expect((await b.getSyncStatus()).pending).toBe(0);
    });

    test("connecting checks the address, then the token, with the backend's sentences in both languages", async () => {
        const server = await planServer();
        const { b } = await fresh();
        const both = await refusal(b.connectSync({ serverUrl: "plan.gouv.fr", token: " " }));
        expect(both.code).toBe("validation");
        expect(both.message).toBe("Deux champs sont à corriger.");
        expect(both.fields).toEqual([
            { field: "serverUrl", message: "Saisissez une adresse commençant par http:// ou https://." },
            { field: "token", message: "Saisissez le jeton reçu de votre administrateur." }
        ]);
        const wrong = await refusal(b.connectSync({ serverUrl: server.url, token: "abc" }));
        expect(wrong.fields).toEqual([
            { field: "token", message: "Ce jeton n'est pas reconnu par le serveur (erreur de saisie ou jeton révoqué)." }
        ]);
        server.setOnline(false);
        const away = await refusal(b.connectSync({ serverUrl: server.url, token: server.tokens.claire }));
        server.setOnline(true);
        expect(away.fields.map(f => f.field)).toEqual(["serverUrl"]);
        await b.setLocale("en");
        const english = await refusal(b.connectSync({ serverUrl: server.url, token: "abc" }));
        expect(english.fields[0]!.message).toBe("The server does not recognise this token (typo or revoked token).");
        expect((await b.getSyncStatus()).connection).toBe("notConfigured");
    });

    test("once connected, each edit is a change to send; syncing sends them all; listeners hear every change", async () => {
        const server = await planServer();
        const { b, id } = await fresh();
        const seen: number[] = [];
        const stop = await listen(id, (name, payload) => {
            if (name === "sync-status") seen.push((payload as SyncStatus).pending);
        });
        cleanups.push(stop);
        const settings = await connect(b, server, "claire");
        expect(settings).toMatchObject({
            serverUrl: server.url,
            tokenStorage: "file",
            account: { name: PEOPLE.claire.name, role: "coordinator" }
        });
        // Cut off, so that the changes wait (connected, the app sends them by itself shortly after).
        server.setOnline(false);
        const { commitment } = await draftPlan(b);
        await b.editCommitment(commitment.id, { field: "problem", value: "Un problème" });
        await refusal(b.editCommitment(commitment.id, { field: "contactEmail", value: "x" })); // refused: not a change
        const waiting = (await b.getSyncStatus()).pending;
        expect(waiting).toBe(4);
        await expect.poll(() => seen.includes(waiting), { timeout: 5_000 }).toBe(true);
        server.setOnline(true);
        const after = await b.syncNow();
        expect(after).toMatchObject({ connection: "online", pending: 0, syncing: false, lastError: null });
        expect(after.lastSuccess).not.toBeNull();
        await expect.poll(() => seen.at(-1), { timeout: 5_000 }).toBe(0);
    });

    test("another person on the same laptop receives the data as theirs, once the previous person's changes are sent", async () => {
        const server = await planServer();
        const claire = await fresh();
        await connect(claire.b, server, "claire");
        const { commitment } = await draftPlan(claire.b);
        await claire.b.syncNow();

        // Hugo (HATVP) uses this laptop first: the DITP's commitment is not his to see.
        const { b } = await fresh();
        await connect(b, server, "hugo");
        await b.syncNow();
        expect((await refusal(b.getCommitment(commitment.id))).code).toBe("notFound");

        // A change of his not yet sent keeps the laptop his: Camille is told why, nothing is lost.
        server.setOnline(false);
        await b.createInstitution({ name: "Conseil d'État", acronym: "", kind: "court" });
        server.setOnline(true);
        await b.disconnectSync();
        const refused = await refusal(connect(b, server, "camille"));
        expect(refused.fields).toEqual([
            {
                field: "token",
                message:
                    "Ce poste garde des modifications du compte précédent (1 à envoyer, 0 conflit à résoudre) : reconnectez-vous avec ce compte pour les envoyer ou les résoudre avant d'utiliser un autre compte."
            }
        ]);
        expect((await b.getSyncStatus()).pending).toBe(1);

        // Sent under his name; then Camille (DITP) receives the DITP's older commitment.
        await connect(b, server, "hugo");
        expect((await b.syncNow()).pending).toBe(0);
        await b.disconnectSync();
        await connect(b, server, "camille");
        await b.syncNow();
        expect((await b.getCommitment(commitment.id)).commitment.title).toBe("Engagement");
    });

    test("offline, nothing is sent; a revoked token says why", async () => {
        const server = await planServer();
        const { b } = await fresh();
        await connect(b, server, "claire");
        server.setOnline(false);
        await b.createInstitution({ name: "Conseil d'État", acronym: "", kind: "court" });
        expect(await b.syncNow()).toMatchObject({
            connection: "offline",
            pending: 1,
            lastError: "Le serveur ne répond pas à cette adresse. Vérifiez l'adresse et votre connexion."
        });
        server.setOnline(true);
        expect(await b.syncNow()).toMatchObject({ connection: "online", pending: 0 });
        await server.revoke("claire");
        // The laptop learns it at its next exchange with the server.
        expect(await b.syncNow()).toMatchObject({ connection: "unauthorized" });
        await b.disconnectSync();
        expect(await b.getSyncStatus()).toMatchObject({ connection: "notConfigured", serverUrl: null });
    });

    test("a resolved conflict is gone and becomes a change to send; its text is checked; a refusal is discarded", async () => {
        const server = await planServer();
        const claire = await fresh();
        const camille = await fresh();
        // Camille has a network of her own, to be cut off while Claire stays online.
        const train = await server.address();
        await connect(claire.b, server, "claire");
        const { commitment } = await draftPlan(claire.b);
        expect(await claire.b.syncNow()).toMatchObject({ pending: 0 });
        await camille.b.connectSync({ serverUrl: train.url, token: server.tokens.camille });
        await camille.b.syncNow();
        expect((await camille.b.getCommitment(commitment.id)).commitment.title).toBe("Engagement");

        // Both change the title; Camille, cut off, sends hers second and gets the conflict.
        train.setOnline(false);
        await camille.b.editCommitment(commitment.id, { field: "title", value: "B" });
        await claire.b.editCommitment(commitment.id, { field: "title", value: "A" });
        expect(await claire.b.syncNow()).toMatchObject({ pending: 0, conflicts: 0 });
        train.setOnline(true);
        expect(await camille.b.syncNow()).toMatchObject({ conflicts: 1 });
        const b = camille.b;
        const [conflict] = await b.listConflicts();
        expect(conflict).toMatchObject({ recordId: commitment.id, commitmentId: commitment.id, field: "title" });

        // Cut off again, so that the resolution stays a change to send.
        train.setOnline(false);
        const empty = await refusal(b.resolveConflict(conflict!.id, { choice: "text", value: "  " }));
        expect(empty.fields).toEqual([{ field: "title", message: "Ce champ est obligatoire." }]);
        await b.resolveConflict(conflict!.id, { choice: "text", value: "A et B" });
        expect(await b.listConflicts()).toEqual([]);
        expect(await b.getSyncStatus()).toMatchObject({ conflicts: 0, pending: 1 });
        expect((await b.getCommitment(commitment.id)).commitment.title).toBe("A et B");
        expect((await refusal(b.resolveConflict(conflict!.id, { choice: "mine" }))).code).toBe("notFound");
        train.setOnline(true);

        // A drafter may not add an institution (the plan's shared structure): the server refuses.
        await camille.b.createInstitution({ name: "Conseil d'État", acronym: "", kind: "court" });
        await camille.b.syncNow();
        const rejections = await camille.b.listRejections();
        expect(rejections.map(r => [r.recordTitle, r.action])).toEqual([["Conseil d'État", "create"]]);
        await camille.b.discardRejection(rejections[0]!.id);
        expect(await camille.b.getSyncStatus()).toMatchObject({ rejections: 0 });
    });

    test("changes received from the server raise the revision without counting as local changes", async () => {
        const server = await planServer();
        const claire = await fresh();
        const camille = await fresh();
        await connect(claire.b, server, "claire");
        const { commitment } = await draftPlan(claire.b);
        await claire.b.syncNow();
        await connect(camille.b, server, "camille");
        const before = (await camille.b.syncNow()).revision;
        await claire.b.editCommitment(commitment.id, { field: "problem", value: "Écrit par un collègue" });
        await claire.b.syncNow();
        expect(await camille.b.syncNow()).toMatchObject({ revision: before + 1, pending: 0 });
        expect((await camille.b.getCommitment(commitment.id)).commitment.problem).toBe("Écrit par un collègue");
    });

    test("what becomes late is notified once, after a sync, in one notification; turned off, nothing is", async () => {
        const server = await planServer();
        const { b, id } = await fresh();
        await connect(b, server, "claire");
        expect(await b.getNotificationsEnabled()).toBe(true);
        // Drafted cut off, so that no sync comes between two milestones.
        server.setOnline(false);
        const { commitment } = await draftPlan(b);
        const milestone = (title: string, dueDate: string) =>
            b.createMilestone(commitment.id, { title, expectedOutputs: "", startDate: "", dueDate, leadInstitutionId: null });
        await milestone("Publier le jeu de données", "2025-06-30");
        await milestone("Consulter les associations", "2025-09-30");
        await b.syncNow();
        expect(await notified(id), "nothing before a sync succeeds").toEqual([]);
        server.setOnline(true);
        await b.syncNow();
        // The laptop also syncs by itself: whichever sync came first told it, once.
        await expect.poll(() => notified(id), { timeout: 5_000 }).toHaveLength(1);
        const [first] = await notified(id);
        expect(first!.title).toBe("2 jalons en retard");
        expect(first!.body).toMatch(/^1\.1\.1 Publier le jeu de données — en retard de \d+ jours\n1\.1\.2 Consulter les associations — en retard de \d+ jours\nVoir « À faire » dans Plan ouvert\.$/);
        await b.syncNow();
        expect(await notified(id), "never repeated").toHaveLength(1);

        await milestone("Ouvrir le portail", "2025-12-31");
        await b.syncNow();
        await expect.poll(() => notified(id), { timeout: 5_000 }).toHaveLength(2);
        const second = (await notified(id))[1]!;
        expect(second.title).toBe("1 jalon en retard");
        expect(second.body).toContain("1.1.3 Ouvrir le portail");

        await b.setNotificationsEnabled(false);
        expect(await b.getNotificationsEnabled()).toBe(false);
        await milestone("Former les agents", "2025-10-31");
        await b.syncNow();
        await b.syncNow();
        expect(await notified(id), "turned off").toHaveLength(2);
    });
});

/** The OGP commitment database sample (real rows), beside the repository. */
const SAMPLE = resolve(import.meta.dirname, "../../../../shared/data/ogp/ogp-commitments-sample.csv");

/**
 * A file of the sample's header and the rows with these identifiers, in this order, written in a
 * temporary folder; `change` edits the text of the rows. Records are separated by CRLF, and line
 * breaks inside a field are LF (see the sample's README).
 */
function sampleRows(ids: string[], change: (rows: string) => string = rows => rows): string {
    const records = readFileSync(SAMPLE, "utf8").split("\r\n");
    const byId = new Map(records.slice(1).map(r => [r.slice(0, r.indexOf(",")), r]));
    const rows = ids.map(id => byId.get(id) ?? id);
    const path = join(folder(), "ogp.csv");
    writeFileSync(path, `${[records[0], change(rows.join("\r\n"))].join("\r\n")}\r\n`);
    return path;
}

/** Three French commitments, and two Argentine ones whose start date (`9/1/2019`) reads both ways. */
const FIVE = ["FR0001", "FR0015", "FR0026", "AR0094", "AR0096"];
const FRENCH_PLAN = "France — Plan d'action 1 (2015-2017)";

describe("open data, through the bridge", () => {
    test("an import reports its progress, writes the plans it names and says what it created; again, it changes nothing", async () => {
        expect(existsSync(SAMPLE), `the OGP sample is expected at ${SAMPLE}`).toBe(true);
        const { b, id } = await fresh();
        await b.loadDemoPlan();
        // Already here under the same name (another case): used, not doubled.
        await b.createInstitution({ name: "ministry of the interior", acronym: "", kind: "ministry" });
        const file = sampleRows(FIVE);
        const seen: string[] = [];
        const stop = await listen(id, (name, payload) => {
            if (name === "import-progress") seen.push(`${(payload as ImportProgress).stage} ${(payload as ImportProgress).done}/${(payload as ImportProgress).total}`);
        });
        cleanups.push(stop);
        await script(id, { files: [file] });
        const summary = await importEveryPlan(b);
        await expect.poll(() => seen.at(-1), { timeout: 5_000 }).toMatch(/^writing (\d+)\/\1$/);
        expect(seen[0]).toMatch(/^reading \d+\/\d+$/);
        expect(seen).toContain("reading 5/5");
        expect(summary).toMatchObject({
            rows: 5,
            plans: { created: 2, updated: 0, unchanged: 0 },
            areas: { created: 4, updated: 0, unchanged: 0 },
            // "the Ministry of the Interior" is here already; a cell that only describes who takes
            // part ("CSOs…") is not an institution.
            institutions: { created: 16, updated: 0, unchanged: 1 },
            commitments: { created: 5, updated: 0, unchanged: 0 }
        });
        // Dates are never guessed: 9/1/2019 is read month/day because the plan's other dates
        // (12/31/2022) can only be read so; no date of these rows is left to check.
        expect(summary!.warnings.filter(w => w.kind === "date")).toEqual([]);
        const plans = await b.listPlans();
        expect(plans.map(p => p.title)).toContain(FRENCH_PLAN);
        const imported = plans.find(p => p.title === FRENCH_PLAN)!;
        const overview = await overviewOf(b, imported.id);
        expect(overview.commitmentCount).toBe(3);
        expect((await b.listInstitutions()).filter(i => i.name.toLowerCase() === "ministry of the interior")).toHaveLength(1);

        const first = overview.areas[0]!.commitments[0]!;
        const detail = await b.getCommitment(first.id);
        expect(detail.origin).toMatchObject({
            ogpId: "FR0001",
            number: "1.1",
            assessment: { specificity: { status: "assessed", value: "high" }, starred: { status: "assessed", value: false } }
        });
        const argentina = plans.find(p => p.country === "Argentina")!;
        const ambiguous = (await overviewOf(b, argentina.id)).areas.flatMap(a => a.commitments)[0]!;
        const withRawDate = await b.getCommitment(ambiguous.id);
        expect(withRawDate.origin?.ogpId).toBe("AR0094");
        expect(withRawDate.commitment.startDate).toBe("2019-09-01");
        expect(withRawDate.origin?.startDateSource).toBe("9/1/2019");

        await script(id, { files: [file] });
        const again = await importEveryPlan(b);
        expect(again).toMatchObject({
            plans: { created: 0, updated: 0, unchanged: 2 },
            areas: { created: 0, updated: 0, unchanged: 4 },
            institutions: { created: 0, updated: 0, unchanged: 17 },
            commitments: { created: 0, updated: 0, unchanged: 5 }
        });
        expect(await b.listPlans()).toHaveLength(plans.length);
    });

    test("importing again updates what changed in the file", async () => {
        const { b, id } = await fresh();
        await script(id, { files: [sampleRows(FIVE)] });
        await importEveryPlan(b);
        const corrected = sampleRows(FIVE, rows => rows.replace("Open Regional and Local Authorities' Data", "Un titre corrigé dans la base"));
        await script(id, { files: [corrected] });
        expect((await importEveryPlan(b))!.commitments).toEqual({ created: 0, updated: 1, unchanged: 4 });
    });

    test("a refused file writes nothing and says why, row by row; a cancelled dialog resolves to null", async () => {
        const { b, id } = await fresh();
        // The second row has two values for the header's 171 columns.
        const broken = sampleRows(["FR0001", "FR9999,France"]);
        await script(id, { files: [broken, null, sampleRows(FIVE)] });
        const failure = await refusal(b.readOgpCsv());
        expect(failure.code).toBe("validation");
        expect(failure.message).toContain("\n- Ligne 3 : ");
        expect(await b.listPlans()).toEqual([]);
        expect(await b.listInstitutions()).toEqual([]);
        expect(await b.readOgpCsv()).toBeNull();
        expect(await b.listPlans()).toEqual([]);
        // Each answer is used by one dialog only, in order.
        expect((await b.readOgpCsv())!.rows).toBe(5);
        // With no answer left, the dialog is cancelled.
        expect(await b.readOgpCsv()).toBeNull();
    });

    test("a drafted commitment has no origin; an imported one keeps where it comes from", async () => {
        const { b, id } = await fresh();
        const plan = await b.loadDemoPlan();
        const c = (await overviewOf(b, plan.id)).areas[0]!.commitments[0]!;
        expect((await b.getCommitment(c.id)).origin).toBeNull();
        await script(id, { files: [sampleRows(FIVE)] });
        await importEveryPlan(b);
        const imported = (await b.listPlans()).find(p => p.title === FRENCH_PLAN)!;
        const first = (await overviewOf(b, imported.id)).areas[0]!.commitments[0]!;
        expect((await b.getCommitment(first.id)).origin?.ogpId).toBe("FR0001");
    });

    test("an export resolves to where it wrote, or null when the dialog is cancelled", async () => {
        const { b, id } = await fresh();
        const plan = await b.loadDemoPlan();
        const out = folder();
        writeFileSync(join(out, "a-file"), "");
        const json = join(out, "plan.json");
        const csv = join(out, "plan-csv");
        // A path under a file cannot be written.
        await script(id, { files: [json, csv, null, join(out, "a-file", "plan.html")] });
        expect(await b.exportPlan(plan.id, "json")).toBe(json);
        expect(await b.exportPlan(plan.id, "csv")).toBe(csv);
        expect(await b.exportPlan(plan.id, "html")).toBeNull();
        const failed = await refusal(b.exportPlan(plan.id, "html"));
        expect(failed.code).toBe("storage");
        expect(failed.message).toContain(join(out, "a-file", "plan.html"));
        expect(readFileSync(json, "utf8")).toContain("Lancer un accélérateur d'initiatives citoyennes");
        expect(existsSync(join(csv, "commitments.csv"))).toBe(true);
        expect((await refusal(b.exportPlan(UNKNOWN, "json"))).code).toBe("notFound");
    });
});
