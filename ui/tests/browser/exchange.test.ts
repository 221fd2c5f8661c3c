/**
 * A workshop's files on the real core, through its pages: the exchange file written on one
 * laptop (two bridge sessions, each its own store: two cores, no network between them) and
 * imported on the other — refused first on the laptop that wrote it, then cut short; imported
 * once, then « déjà importé »; the changes it brought counted as waiting to be relayed. A
 * participant's data exported for them (the file read back), then erased: they show as
 * « Participant anonyme » and nothing of them is left in the page. The workshop's report
 * exported, read back without any participant's name. Through a real server, a file holding who
 * took part in the HATVP's workshop is refused on a laptop of the DITP.
 *
 * The file dialogs are answered through the bridge (`script`). Every sentence asserted about a
 * file or a refusal is the core's.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { laptop, newLaptop, script, startPlanServer, type PlanServer } from "./core";
import { browserAndFolder, expectAccessible, expectNoProblems, openApp, screenshots } from "./harness";
import { PROPOSAL, TITLE, workshopWithAwa } from "./workshop";

const files = browserAndFolder();

const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? "").replace(/\s+/g, " ").trim();

describe("two laptops, no network", () => {
    test("the workshop written to a file on one laptop is taken in once on the other, refused where it cannot be", async () => {
        const writer = await openApp();
        const page = writer.page;
        const { plan, workshop } = await workshopWithAwa(laptop(writer.laptop));
        await page.evaluate(id => (location.hash = `#/ateliers/${id}`), workshop.id);
        await page.locator("#workshop-exchange-write").waitFor();

        // A dialog first: who took part goes in by default (this laptop is the institution's).
        await page.locator("#workshop-exchange-write").click();
        const dialog = page.locator("#exchange-write-modal");
        await dialog.getByText("doivent rester au sein de l'institution qui a organisé l'atelier").waitFor();
        expect(await page.locator("#exchange-identities-with").isChecked()).toBe(true);
        expect(await text(page, "#exchange-identities")).toContain("Pour tout autre poste : les participants restent comptés, sans nom.");
        await expectAccessible(page, "the exchange file's dialog");
        await screenshots(page, "exchange-write-dialog");
        // Cancelled in the save dialog: nothing said.
        await dialog.locator("#exchange-write-confirm").click();
        await dialog.waitFor({ state: "hidden" });
        await page.waitForTimeout(300);
        expect(await page.locator("#workshop-exchange-write-result").count()).toBe(0);

        const file = join(files.path, "atelier.planouvert");
        await script(writer.laptop, { files: [file] });
        await page.locator("#workshop-exchange-write").click();
        await dialog.locator("#exchange-write-confirm").click();
        await expect.poll(() => text(page, "#workshop-exchange-write-result")).toContain(`Fichier d'échange écrit : ${file}`);
        const holds = await text(page, "#workshop-exchange-write-result");
        expect(holds).toMatch(/Il contient \d+ enregistrements et \d+ modifications non envoyées \(\d+ Ko\), avec l'identité des participants\./);
        const bytes = readFileSync(file);
        expect(bytes.subarray(0, 19).toString()).toBe("PLAN-OUVERT-BUNDLE ");
        expect(bytes.toString()).toContain("awa@example.org");
        await page.locator("#workshop-exchange").scrollIntoViewIfNeeded();
        await expectAccessible(page, "an exchange file written");
        await screenshots(page, "exchange-written");

        // Without who took part: neither the name nor the address in any byte.
        const anonymous = join(files.path, "atelier-sans-noms.planouvert");
        await script(writer.laptop, { files: [anonymous] });
        await page.locator("#workshop-exchange-write").click();
        await page.locator("label[for=exchange-identities-without]").click();
        await dialog.locator("#exchange-write-confirm").click();
        await expect.poll(() => text(page, "#workshop-exchange-write-result")).toContain("sans l'identité des participants");
        const without = readFileSync(anonymous, "utf8");
        expect(without).not.toContain("Awa");
        expect(without).not.toContain("awa@example.org");

        // The laptop that wrote it has nothing to take from it.
        await page.evaluate(id => (location.hash = `#/plans/${id}/ateliers`), plan.id);
        await script(writer.laptop, { files: [file] });
        await page.locator("#workshops-import-exchange").click();
        await expect.poll(() => text(page, "main .fr-alert--error")).toContain(
            "Ce fichier a été écrit par ce poste : il n'y a rien à importer. Importez-le sur un autre poste."
        );
        await expectAccessible(page, "an exchange file refused as this laptop's own");
        await screenshots(page, "exchange-own-file-refused");
        expectNoProblems(writer);
        await writer.close();

        // The other laptop: a copy cut short is refused, with nothing taken in.
        const other = await openApp({ path: "#/synchronisation" });
        const there = other.page;
        await there.locator("#sync-import-exchange").waitFor();
        const cut = join(files.path, "coupé.planouvert");
        writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
        await script(other.laptop, { files: [cut] });
        await there.locator("#sync-import-exchange").click();
        await expect.poll(() => text(there, "#sync-exchange .fr-alert--error")).toContain("Ce fichier est incomplet");
        expect(await text(there, "#sync-exchange .fr-alert--error")).toContain("Rien n'a été importé.");
        expect(await laptop(other.laptop).listPlans()).toEqual([]);

        // The whole file: what it brought, and the changes to relay on the next sync.
        await script(other.laptop, { files: [file] });
        await there.locator("#sync-import-exchange").click();
        await there.locator("#sync-import-result").waitFor();
        const summary = await text(there, "#sync-import-result");
        expect(summary).toContain("Fichier d'échange importé");
        expect(summary).toMatch(/Écrit par un autre poste le \d{2}\/\d{2}\/\d{4} à \d{2}:\d{2} \(selon l'horloge de son poste\)\./);
        expect(summary).toMatch(/\d+ enregistrements ajoutés sur ce poste/);
        // Carried whole, the records already hold the writer's changes: none to apply on top.
        expect(summary).toContain("0 modification appliquée à ce que ce poste avait déjà");
        const relayed = /(\d+) modifications seront transmises au serveur à la prochaine synchronisation/.exec(summary);
        expect(relayed).not.toBeNull();
        const count = Number(relayed![1]);
        expect(count).toBeGreaterThan(0);
        await expect.poll(() => text(there, "#sync-relay-count")).toBe(`${count} modifications d'autres postes à transmettre`);
        expect(await text(there, "#sync-relay")).toBe(`${count} modifications reçues d'autres postes seront transmises au serveur à la prochaine synchronisation.`);
        await expectAccessible(there, "an exchange file imported");
        await screenshots(there, "exchange-imported");

        // Again: already imported, nothing changed.
        await script(other.laptop, { files: [file] });
        await there.locator("#sync-import-exchange").click();
        await expect.poll(() => text(there, "#sync-import-result")).toContain("Déjà importé");
        expect(await text(there, "#sync-import-result")).toContain("Ce fichier a déjà été importé sur ce poste : rien n'a changé.");
        expect(await text(there, "#sync-relay-count")).toBe(`${count} modifications d'autres postes à transmettre`);
        await screenshots(there, "exchange-already-imported");

        // The workshop is there, with who took part (nobody signed in: this laptop may hold them).
        await there.locator("#sync-import-result-workshop").click();
        await there.locator("#workshop-names").waitFor();
        expect(await there.locator("#workshop-names tbody th").allTextContents()).toEqual(["Awa"]);
        expect(await text(there, "#workshop-proposals")).toContain(PROPOSAL);
        expectNoProblems(other);
        await other.close();
    }, 120_000);
});

describe("a participant's data and the workshop's report", () => {
    test("exported for the participant, then erased: anonymous, nothing of them left; the report names nobody", async () => {
        const session = await openApp();
        const { page } = session;
        const { workshop, participant } = await workshopWithAwa(laptop(session.laptop));
        await page.evaluate(id => (location.hash = `#/ateliers/${id}`), workshop.id);
        await page.locator("#workshop-names").waitFor();
        expect(await text(page, "#workshop-data-rights")).toContain("exportez ses données pour les lui remettre, ou effacez-les");

        // Given back: a JSON file of what this laptop holds about them.
        const data = join(files.path, "Données de Awa.json");
        await script(session.laptop, { files: [data] });
        await page.getByRole("button", { name: "Exporter ses données — Awa" }).click();
        await expect.poll(() => text(page, "#participant-data-result")).toContain(`Données du participant exportées : ${data}`);
        const given = JSON.parse(readFileSync(data, "utf8")) as Record<string, unknown> & { identity: Record<string, string>; contributions: { text: string }[] };
        expect(given.identity.name).toBe("Awa");
        expect(given.identity.contactEmail).toBe("awa@example.org");
        expect(given.identity.consentWording).toBe("Vos contributions sont enregistrées.");
        expect(given.workshopTitle).toBe(TITLE);
        expect(given.keepUntil).toBe("2031-03-12");
        expect(given.contributions.map(c => c.text)).toEqual([PROPOSAL]);
        await page.locator("#workshop-participants").scrollIntoViewIfNeeded();
        await expectAccessible(page, "a participant's data exported");
        await screenshots(page, "participant-data-exported");

        // The report, before the erasure: counted, never named.
        const report = join(files.path, "Compte rendu.html");
        await script(session.laptop, { files: [report] });
        await page.locator("#workshop-report-html").click();
        await expect.poll(() => text(page, "#workshop-report-result")).toContain(`Compte rendu exporté : ${report}`);
        const html = readFileSync(report, "utf8");
        expect(html).toContain(TITLE);
        expect(html).toContain(PROPOSAL);
        expect(html).not.toContain("Awa");
        expect(html).not.toContain("awa@example.org");
        await page.locator("#workshop-report").scrollIntoViewIfNeeded();
        await expectAccessible(page, "a workshop's report exported");
        await screenshots(page, "workshop-report-exported");
        const viewer = await page.context().newPage();
        await viewer.goto(pathToFileURL(report).href);
        await viewer.locator("h1").waitFor();
        await screenshots(viewer, "workshop-report-document");
        await viewer.close();
        const csv = join(files.path, "atelier-csv");
        await script(session.laptop, { files: [csv] });
        await page.locator("#workshop-report-csv").click();
        await expect.poll(() => text(page, "#workshop-report-result")).toContain(`Compte rendu exporté : ${csv}`);
        expect(readdirSync(csv).sort()).toEqual([
            "commitments.csv",
            "contributions.csv",
            "milestones.csv",
            "participants.csv",
            "reports.csv",
            "rounds.csv",
            "workshops.csv"
        ]);
        expect(readFileSync(join(csv, "contributions.csv"), "utf8")).toContain(PROPOSAL);
        for (const name of readdirSync(csv)) expect(readFileSync(join(csv, name), "utf8"), name).not.toContain("Awa");

        // Erased at their request: the dialog says what stays and that it cannot be undone.
        await page.getByRole("button", { name: "Effacer ses données — Awa" }).click();
        const confirm = page.locator("#participant-erase-modal");
        await confirm.getByText("Restent, anonymes : sa participation, comptée par type d'organisation, et ses contributions.", { exact: false }).waitFor();
        expect(await text(page, "#participant-erase-modal")).toContain("Cet effacement ne peut pas être annulé.");
        await expectAccessible(page, "a participant's erasure confirmed");
        await screenshots(page, "participant-erase-confirm");
        await confirm.getByRole("button", { name: "Annuler" }).click();
        await confirm.waitFor({ state: "hidden" });
        expect(await page.locator("#workshop-names tbody th").allTextContents()).toEqual(["Awa"]);
        await page.getByRole("button", { name: "Effacer ses données — Awa" }).click();
        await confirm.getByTestId("confirm").click();
        await expect.poll(() => page.locator("#workshop-names tbody th").allTextContents()).toEqual(["Participant anonyme"]);
        expect(await text(page, "main .fr-alert--success")).toContain("Les données du participant ont été effacées");
        expect(await text(page, "#workshop-names tbody tr")).toContain("Effacées");
        expect(await text(page, "#workshop-participants-count")).toBe("1 personne a pris part à l'atelier.");
        expect(await text(page, "#workshop-proposals")).toContain(PROPOSAL);
        expect(await text(page, "#workshop-proposals")).toContain("Participant : Citoyen ou citoyenne");
        const after = await page.content();
        expect(after).not.toContain("Awa");
        expect(after).not.toContain("awa@example.org");
        await expectAccessible(page, "a participant erased");
        await screenshots(page, "participant-erased");
        await expect(laptop(session.laptop).exportParticipantData(participant)).rejects.toMatchObject({ code: "notFound" });
        expectNoProblems(session);
        await session.close();
    }, 90_000);
});

describe("two institutions, through a real server", () => {
    let server: PlanServer;
    beforeAll(async () => {
        server = await startPlanServer();
    });
    afterAll(() => server.stop());

    test("a file holding who took part in the HATVP's workshop is refused on a laptop of the DITP", async () => {
        const claire = laptop(await newLaptop());
        await claire.connectSync({ serverUrl: server.url, token: server.tokens.claire });
        const plan = await claire.createPlan({ country: "France", title: "Plan d'action national 2025-2027", periodStart: "2025-01-01", periodEnd: "2027-12-31" });
        await claire.createInstitution({ name: "Haute Autorité pour la transparence de la vie publique", acronym: "HATVP", kind: "independentAuthority" });
        expect(await claire.syncNow()).toMatchObject({ pending: 0, rejections: 0 });

        // Hugo, of the HATVP, runs a workshop and writes it with who took part.
        const hugoLaptop = await newLaptop();
        const hugo = laptop(hugoLaptop);
        await hugo.connectSync({ serverUrl: server.url, token: server.tokens.hugo });
        await hugo.syncNow();
        const hatvp = (await hugo.getOwnInstitution())!;
        const workshop = await hugo.createWorkshop(plan.id, hatvp.id, {
            title: "Atelier de la HATVP",
            heldOn: "2030-03-12",
            place: "",
            areaId: null,
            commitmentIds: [],
            facilitator: "Hugo Petit",
            consentText: "Vos contributions sont enregistrées.",
            keepUntil: "2031-03-12"
        });
        await hugo.addParticipant(workshop.id, { name: "Awa", organisationKind: "citizen", consentAccepted: true, contactAccepted: false, contactEmail: "" });
        // Sent now, not left to the background loop's timing: Camille's laptop receives it below.
        expect(await hugo.syncNow()).toMatchObject({ pending: 0, rejections: 0 });
        const file = join(files.path, "hatvp.planouvert");
        await script(hugoLaptop, { files: [file] });
        expect((await hugo.writeExchange({ kind: "workshop", workshopId: workshop.id }, true))?.written.personalData).toBe(true);

        // Camille, of the DITP, may not take it in: the refusal says why, and what to ask for.
        const session = await openApp({ path: "#/synchronisation" });
        const camille = laptop(session.laptop);
        await camille.connectSync({ serverUrl: server.url, token: server.tokens.camille });
        await camille.syncNow();
        const page = session.page;
        await page.locator("#sync-import-exchange").waitFor();
        await script(session.laptop, { files: [file] });
        await page.locator("#sync-import-exchange").click();
        await expect.poll(() => text(page, "#sync-exchange .fr-alert--error")).toContain(
            "Ce fichier contient l'identité de participants d'un atelier de Haute Autorité pour la transparence de la vie publique"
        );
        expect(await text(page, "#sync-exchange .fr-alert--error")).toContain("Demandez un fichier écrit sans les participants.");
        await expectAccessible(page, "another institution's personal data refused");
        await screenshots(page, "exchange-personal-data-refused");
        // The workshop reached her through the server, counted, without who took part.
        const detail = await camille.getWorkshop(workshop.id);
        expect(detail.identitiesHere).toBe(false);
        expect(detail.participants.map(p => p.identity)).toEqual([null]);
        expectNoProblems(session);
        await session.close();
    }, 90_000);
});
