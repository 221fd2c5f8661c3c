/**
 * The citizen jury on the real core: a session opened from the plan (a refused field, then
 * fixed), fifteen jurors and the sixteenth refused with the core's message, one renamed and one
 * removed after a confirmation; the call's CSV file imported — first with problems, shown by row
 * and column and nothing saved, then a good one, then the same again (« déjà présentes ») —; two
 * jurors scoring on the shared laptop with the keyboard alone, an abstention included, neither
 * seeing the other's scores; the ranking with its rule, every standing and the applications
 * nobody scored. Through a real server, a reader of the institution that runs the jury sees it
 * read-only, and another institution's person does not have it at all.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Backend } from "../../src/core/backend";
import type { CriterionScore } from "../../src/core/bindings";
import { LABELS } from "../../src/core/labels";
import { laptop, newLaptop, script, startPlanServer, type Person, type PlanServer } from "./core";
import { browserAndFolder, expectAccessible, expectNoProblems, openApp, pickInstitution, screenshots } from "./harness";

const files = browserAndFolder();

const CRITERIA = ["generalInterest", "impactForAll", "projectQuality", "openness", "stateSupport"] as const;

/** The id of the element that has the keyboard focus. */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");

/** Presses Tab (Shift+Tab `backwards`) until the element `id` has the focus, as a person would; fails after `max`. */
async function tabTo(page: Page, id: string, options: { backwards?: boolean; max?: number } = {}): Promise<void> {
    for (let i = 0; i < (options.max ?? 40); i++) {
        if ((await focused(page)) === id) return;
        await page.keyboard.press(options.backwards ? "Shift+Tab" : "Tab");
    }
    throw new Error(`Tab never reached #${id} (focus on #${await focused(page)})`);
}

/** A CSV file of the call, as a French spreadsheet writes it. */
function csv(name: string, rows: string[][]): string {
    const path = join(files.path, name);
    const quote = (cell: string) => (/[;"\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
    writeFileSync(path, "\uFEFF" + [["Titre", "Porteur", "Résumé", "Courriel", "Référence"], ...rows].map(r => r.map(quote).join(";")).join("\r\n") + "\r\n");
    return path;
}

const title = (n: number) => `Projet ${String(n).padStart(2, "0")}`;

/** Twenty applications, each with its reference. */
const GOOD = Array.from({ length: 20 }, (_, i) => [
    title(i + 1),
    `Association n° ${i + 1}`,
    `Un projet citoyen numéro ${i + 1} ; il ouvre les données de la commune.`,
    i % 3 === 0 ? `contact${i + 1}@example.org` : "",
    `AIC-${String(i + 1).padStart(3, "0")}`
]);

const scores = (each: [number, number, number, number, number]): CriterionScore[] => CRITERIA.map((criterion, i) => ({ criterion, score: each[i]! }));

/**
 * Scores the sheet shown with the keyboard alone, from its title: Tab into each criterion's
 * radio group (on its score if it has one, else on 0), arrows to the score (Space for 0 when
 * nothing is chosen), then Tab to « Fiche suivante » and Enter.
 */
async function scoreWithKeyboard(page: Page, each: number[]): Promise<void> {
    await expect.poll(() => focused(page)).toBe("sheet-title");
    for (const [i, score] of each.entries()) {
        await page.keyboard.press("Tab");
        const on = await focused(page);
        expect(on).toMatch(new RegExp(`^sheet-${CRITERIA[i]}-\\d$`));
        const from = Number(on.slice(-1));
        if (score === from) await page.keyboard.press("Space");
        for (let s = from; s < score; s++) await page.keyboard.press("ArrowRight");
        for (let s = from; s > score; s--) await page.keyboard.press("ArrowLeft");
        expect(await page.locator(`#sheet-${CRITERIA[i]}-${score}`).isChecked()).toBe(true);
    }
    await tabTo(page, "sheet-next");
    await page.keyboard.press("Enter");
}

describe("a citizen jury on one laptop", () => {
    test("opened, fifteen jurors at most, applications imported, scored with the keyboard alone, ranked by the rule shown", async () => {
        const session = await openApp();
        const { page } = session;
        const b = laptop(session.laptop);
        await page.locator("#load-demo").click();
        await page.locator("main h1", { hasText: "France — Plan d'action national 2021-2023" }).waitFor();
        await page.locator("#plan-juries").click();
        await page.locator("h1", { hasText: "Jurys citoyens" }).waitFor();
        await page.locator("#jury-sessions-none").waitFor();

        // Opened: eleven places, then « deux », refused by the core under the field; two accepted.
        await page.locator("#jury-session-new").click();
        await page.locator("#jury-session-title").fill("Promotion 1 — automne 2026");
        await page.locator("#jury-session-heldOn").fill("15/11/2026");
        await page.locator("#jury-session-places").fill("11");
        expect(await page.locator("#jury-session-form").textContent()).toContain("De 1 à 10 projets retenus par promotion (10 par défaut).");
        await pickInstitution(page, "jury-session-institutionId", "HATVP", "Haute Autorité");
        await page.locator("#jury-session-submit").click();
        const refusals = () => page.locator("#jury-session-form .fr-error-text, #jury-session-form .fr-message--error").allTextContents();
        await expect.poll(refusals).toEqual(["Le nombre de places à pourvoir est un nombre entier de 1 à 10."]);
        expect(await focused(page)).toBe("jury-session-places");
        // Not a number at all: the same words, under the same field.
        await page.locator("#jury-session-places").fill("deux");
        await page.locator("#jury-session-submit").click();
        await expect.poll(refusals).toEqual(["Le nombre de places à pourvoir est un nombre entier de 1 à 10."]);
        expect(await page.locator("#jury-session-form .fr-alert").count()).toBe(0);
        await page.locator("#jury-session-places").fill("2");
        await page.locator("#jury-session-submit").click();
        await page.locator("h1", { hasText: "Promotion 1 — automne 2026" }).waitFor();
        expect(await page.locator("#jury-session-line").textContent()).toBe("15/11/2026 — Haute Autorité pour la transparence de la vie publique (HATVP)");
        expect(await page.locator("#jury-session-places").textContent()).toBe("2 places à pourvoir");
        const sessionId = (await page.evaluate(() => location.hash)).split("/").pop()!;

        // Jurors: fifteen, then the sixteenth refused with the core's message.
        expect(await page.locator("#jurors-title").textContent()).toBe("0 / 15 jurés");
        for (let n = 1; n <= 15; n++) {
            await page.locator("#juror-name").fill(`Juré ${n}`);
            await page.keyboard.press("Enter");
            await expect.poll(() => page.locator("#jurors-title").textContent()).toBe(`${n} / 15 jurés`);
        }
        await page.locator("#juror-name").fill("Juré 16");
        await page.keyboard.press("Enter");
        await expect.poll(() => page.locator("#juror-add-form").textContent()).toContain("Le jury est complet : 15 jurés au plus par session.");
        expect(await page.locator("#jurors-title").textContent()).toBe("15 / 15 jurés");
        await page.locator("#juror-rename-0").click();
        await page.locator("#juror-rename-name").fill("Awa");
        await page.keyboard.press("Enter");
        await expect.poll(() => page.locator("#jurors-table tbody tr").first().textContent()).toContain("Awa");
        await page.locator("#juror-rename-1").click();
        await page.locator("#juror-rename-name").fill("Bruno");
        await page.keyboard.press("Enter");
        await expect.poll(() => page.locator("#jurors-table tbody tr").nth(1).textContent()).toContain("Bruno");
        await page.locator("#juror-remove-14").click();
        await expect.poll(() => page.locator("#juror-remove-modal").textContent()).toContain("Retirer Juré 15 du jury ?");
        await page.locator("#juror-remove-modal [data-testid=confirm]").click();
        await expect.poll(() => page.locator("#jurors-title").textContent()).toBe("14 / 15 jurés");
        await expectAccessible(page, "the jurors");

        // Applications: a file with problems, shown by row and column, nothing saved.
        await page.getByRole("tab", { name: /Candidatures/ }).click();
        await page.locator("#applications-none").waitFor();
        const broken = csv("candidatures.csv", [GOOD[0]!, ["", "Collectif Rue", "Une rue.", "", "AIC-900"], ["Café citoyen", "Collectif Café", "Un café.", "pas-une-adresse", "AIC-901"]]);
        await script(session.laptop, { files: [broken] });
        await page.locator("#applications-read").click();
        await page.locator("#applications-problems").waitFor();
        expect(await focused(page)).toBe("applications-preview-title");
        expect(await page.locator("#applications-problems-alert").textContent()).toContain("2 problèmes dans le fichier : rien n'a été importé");
        const problems = await page.locator("#applications-problems tbody tr").evaluateAll(rows =>
            rows.map(row => [...row.querySelectorAll("td")].map(cell => cell.textContent ?? ""))
        );
        expect(problems.map(p => p.slice(0, 2))).toEqual([
            ["3", "« Titre »"],
            ["4", "« Courriel »"]
        ]);
        await expectAccessible(page, "an applications file with problems");
        await screenshots(page, "jury-import-problems");
        await page.locator("#applications-preview-close").click();
        expect((await b.getJurySession(sessionId)).applications).toEqual([]);

        // The good file: twenty read, imported all at once; the same file again adds nothing.
        const good = csv("candidatures-corrigees.csv", GOOD);
        await script(session.laptop, { files: [good] });
        await page.locator("#applications-read").click();
        await expect.poll(() => page.locator("#applications-will-import").textContent()).toBe("20 candidatures lues dans le fichier.");
        await page.locator("#applications-import-confirm").click();
        await expect.poll(() => page.locator("#applications-imported").textContent()).toContain("20 candidatures ajoutées, 0 déjà présente.");
        expect(await page.locator("#applications-title").textContent()).toBe("20 candidatures");
        await script(session.laptop, { files: [good] });
        await page.locator("#applications-read").click();
        await page.locator("#applications-import-confirm").click();
        await expect.poll(() => page.locator("#applications-imported").textContent()).toContain("0 candidature ajoutée, 20 déjà présentes.");

        // Changed, and one deleted after a confirmation.
        await page.getByRole("button", { name: `Modifier « ${title(20)} »` }).click();
        await page.locator("#application-title").fill(`${title(20)} — Cafés citoyens`);
        await page.locator("#application-submit").click();
        await expect.poll(() => page.locator("#applications-table").textContent()).toContain(`${title(20)} — Cafés citoyens`);
        await page.getByRole("button", { name: `Supprimer « ${title(19)} »` }).click();
        await expect.poll(() => page.locator("#application-delete-modal").textContent()).toContain(`Supprimer la candidature « ${title(19)} »`);
        await page.locator("#application-delete-modal [data-testid=confirm]").click();
        await expect.poll(() => page.locator("#applications-title").textContent()).toBe("19 candidatures");
        await page.locator("#applications-search").fill("cafés");
        await expect.poll(() => page.locator("#applications-count").textContent()).toBe("1 candidature sur 19");
        await page.locator("#applications-search").fill("");
        await expectAccessible(page, "the applications");

        // Scoring: the room without internet opens on the session, for other laptops to join.
        await page.getByRole("tab", { name: "Notation" }).click();
        await page.locator("#room-open-button").click();
        await expect.poll(() => page.locator("#room-code").textContent()).toMatch(/^\d{6}$/);
        expect(await page.locator("#jury-room").textContent()).toContain("rejoignent la session");
        await expectAccessible(page, "the scoring tab, the room open");
        await page.locator("#room-close").click();
        await page.locator("#room-open-button").waitFor();

        // Scoring on the shared laptop: the page alone, no navigation.
        await page.locator("#scoring-start").click();
        await page.locator("h1", { hasText: "Qui note ?" }).waitFor();
        expect(await page.locator("header, footer, nav").count(), "no navigation on the shared laptop").toBe(0);
        await expect.poll(() => focused(page)).toBe("scoring-juror-0");
        await expectAccessible(page, "who is scoring");
        // Awa, with the keyboard alone.
        await page.keyboard.press("Space");
        await page.keyboard.press("Tab");
        expect(await focused(page)).toBe("scoring-juror-start");
        await page.keyboard.press("Enter");
        await page.locator("h1", { hasText: "Notation de Awa" }).waitFor();
        expect(await page.locator("#scoring-progress-count").textContent()).toBe("0 / 19 fiches");
        expect(await page.locator("#sheet-title").textContent()).toBe(title(1));
        await scoreWithKeyboard(page, [4, 4, 4, 4, 4]);
        await expect.poll(() => page.locator("#sheet-title").textContent()).toBe(title(2));
        expect(await page.locator("#scoring-progress-count").textContent()).toBe("1 / 19 fiches");
        expect(await page.locator("#scoring-notice").textContent()).toBe("Fiche enregistrée.");
        // A conflict of interest on the second: its reason, no scores.
        await expect.poll(() => focused(page)).toBe("sheet-title");
        await tabTo(page, "sheet-abstain");
        await page.keyboard.press("Space");
        expect(await page.locator("#sheet-scores").count()).toBe(0);
        await page.keyboard.press("Tab");
        expect(await focused(page)).toBe("sheet-reason");
        await page.keyboard.type("Je connais le porteur du projet.");
        await tabTo(page, "sheet-next");
        await page.keyboard.press("Enter");
        await expect.poll(() => page.locator("#sheet-title").textContent()).toBe(title(3));
        await expectAccessible(page, "a score sheet");
        await screenshots(page, "jury-score-sheet");
        // A sheet half filled is refused, criterion by criterion.
        await expect.poll(() => focused(page)).toBe("sheet-title");
        await page.keyboard.press("Tab");
        await page.keyboard.press("ArrowRight");
        await tabTo(page, "sheet-next");
        await page.keyboard.press("Enter");
        await expect.poll(() => page.locator("#sheet .fr-message--error").count()).toBe(4);
        expect(await page.locator("#sheet-title").textContent()).toBe(title(3));
        await page.locator("#sheet-title").focus();
        await scoreWithKeyboard(page, [5, 5, 5, 5, 5]);
        await expect.poll(() => page.locator("#scoring-progress-count").textContent()).toBe("3 / 19 fiches");
        expect(await page.locator("#scoring-goto option").allTextContents()).toEqual(
            expect.arrayContaining([`1. ${title(1)} — notée`, `2. ${title(2)} — abstention`, `4. ${title(4)} — à noter`])
        );
        await tabTo(page, "scoring-done", { backwards: true });
        await page.keyboard.press("Enter");

        // Bruno: nothing of Awa's scores in the page.
        await page.locator("h1", { hasText: "Qui note ?" }).waitFor();
        await expect.poll(() => focused(page)).toBe("scoring-juror-0");
        await page.keyboard.press("ArrowDown");
        expect(await page.locator("#scoring-juror-1").isChecked()).toBe(true);
        await page.keyboard.press("Tab");
        await page.keyboard.press("Enter");
        await page.locator("h1", { hasText: "Notation de Bruno" }).waitFor();
        expect(await page.locator("#scoring-progress-count").textContent()).toBe("0 / 19 fiches");
        expect(await page.locator("#sheet input[type=radio]:checked").count()).toBe(0);
        expect(await page.locator("#scoring-goto").textContent()).not.toMatch(/notée|abstention/);
        expect(await page.content()).not.toContain("Je connais le porteur du projet.");
        await scoreWithKeyboard(page, [3, 3, 3, 3, 3]);
        await expect.poll(() => page.locator("#scoring-progress-count").textContent()).toBe("1 / 19 fiches");
        await page.locator("#scoring-leave").click();
        await page.locator("h1", { hasText: "Promotion 1 — automne 2026" }).waitFor();

        // The other jurors' sheets, handed in elsewhere in the room.
        const detail = await b.getJurySession(sessionId);
        const juror = (n: number) => detail.jurors[n - 1]!.juror.id;
        const app = (n: number) => detail.applications[n - 1]!.id;
        const hand = (j: number, a: number, each: [number, number, number, number, number]) =>
            b.handInScoreSheet({ jurorId: juror(j), applicationId: app(a), verdict: { kind: "scores", scores: scores(each) } });
        for (let j = 3; j <= 8; j++) {
            await hand(j, 1, [4, 4, 4, 4, 4]); // Projet 01: 8 jurors, (20 + 15 + 6 × 20) / 8 = 19.375
            await hand(j, 3, [4, 4, 4, 4, 4]); // Projet 03: 7 jurors, (25 + 6 × 20) / 7 = 20.71…
        }
        for (let j = 3; j <= 9; j++) await hand(j, 2, [4, 4, 4, 3, 3]); // Projet 02: 7 jurors, 18, one abstention
        for (let j = 3; j <= 9; j++) await hand(j, 4, [4, 4, 4, 4, 3]); // Projet 04: 7 × 19 …
        await hand(10, 4, [5, 5, 4, 4, 4]); // … + 22: 155 / 8, tied with Projet 01
        for (let j = 3; j <= 5; j++) await hand(j, 5, [5, 5, 5, 5, 5]); // Projet 05: 25, but 3 jurors of 14

        // The ranking and its rule.
        await page.reload();
        await page.getByRole("tab", { name: "Classement" }).click();
        await page.locator("#ranking-table").waitFor();
        expect(await page.locator("#ranking-rule").textContent()).toContain(LABELS.fr.jury.rule);
        expect(await page.locator("#ranking-quorum dd").textContent()).toBe("7");
        expect(await page.locator("#ranking-to-decide").textContent()).toContain("Places restant à départager1");
        const rows = await page.locator("#ranking-table tbody tr").evaluateAll(rows =>
            rows.map(row => [...row.querySelectorAll("td")].map(cell => (cell.textContent ?? "").trim()))
        );
        expect(rows.map(r => [r[0], r[1], r[2], r[8], r[9], r[10]])).toEqual([
            ["1", title(5), "25,00", "3", "0", "Quorum non atteint"],
            ["2", title(3), "20,71", "7", "0", "Retenue"],
            ["3", title(1), "19,38", "8", "0", "Ex æquo à départager"],
            ["3", title(4), "19,38", "8", "0", "Ex æquo à départager"],
            ["5", title(2), "18,00", "7", "1", "Non retenue"]
        ]);
        expect(rows[4]!.slice(3, 8)).toEqual(["4,00", "4,00", "4,00", "3,00", "3,00"]);
        expect(await page.locator("#unscored-title").textContent()).toBe("Candidatures non notées (14)");
        await expectAccessible(page, "the ranking");
        // At 1024 px, the smallest window the app supports, the table fits: no sideways scroll.
        await page.setViewportSize({ width: 1024, height: 768 });
        const overflow = await page.locator("#ranking-table .fr-table__container").evaluate(e => e.scrollWidth - e.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await page.setViewportSize({ width: 1280, height: 800 });
        await screenshots(page, "jury-ranking");

        // Published: the printable ranking with its rule, and its data; no juror named in either.
        const printed = join(files.path, "classement.html");
        await script(session.laptop, { files: [printed] });
        await page.locator("#ranking-export-html").click();
        await expect.poll(() => page.locator("#ranking-export-result").textContent()).toContain(`Classement enregistré : ${printed}`);
        const html = readFileSync(printed, "utf8");
        expect(html).toContain(LABELS.fr.jury.rule);
        expect(html).toContain(title(1));
        const data = join(files.path, "classement.csv");
        await script(session.laptop, { files: [data] });
        await page.locator("#ranking-export-csv").click();
        await expect.poll(() => page.locator("#ranking-export-result").textContent()).toContain(data);
        const table = readFileSync(data, "utf8");
        expect(table.split("\r\n")[0]).toBe("id,session_id,rank,reference,title,applicant,mean,general_interest,impact_for_all,project_quality,openness,state_support,scored,abstained,standing");
        for (const text of [html, table]) expect(text).not.toContain("Juré 1");
        await expectAccessible(page, "the ranking exported");

        // The session's exchange file: the dialog says it holds the whole jury, and asks nothing.
        await page.getByRole("tab", { name: "Notation" }).click();
        const carried = join(files.path, "jury.planouvert");
        await script(session.laptop, { files: [carried] });
        await page.locator("#jury-exchange-write").click();
        const dialog = page.locator("#exchange-write-modal");
        await dialog.getByText("Le fichier contient tout le jury").waitFor();
        expect(await dialog.locator("#exchange-identities").count()).toBe(0);
        await dialog.locator("#exchange-write-confirm").click();
        await expect.poll(() => page.locator("#jury-exchange-write-result").textContent()).toContain("avec les jurés, les candidatures et les notes");
        expect(readFileSync(carried).subarray(0, 19).toString()).toBe("PLAN-OUVERT-BUNDLE ");
        await page.getByRole("tab", { name: "Classement" }).click();

        // In English, the core's words follow: the standings, the rule.
        await b.setLocale("en");
        await page.reload();
        await page.getByRole("tab", { name: "Jurors (14 / 15)" }).waitFor();
        await page.getByRole("tab", { name: "Ranking" }).click();
        expect(await page.locator("#ranking-rule").textContent()).toContain(LABELS.en.jury.rule);
        expect(await page.locator("#ranking-table").textContent()).toContain(LABELS.en.jury.tieToBreak);
        expect(await page.locator("#ranking-table tbody tr").first().textContent()).toContain("25.00");
        await expectAccessible(page, "the ranking in English");
        expectNoProblems(session);
        await session.close();
    }, 180_000);
});

describe("who sees a jury, through a real server", () => {
    let server: PlanServer;
    beforeAll(async () => {
        server = await startPlanServer();
    });
    afterAll(() => server.stop());

    const connect = (b: Backend, person: Person) => b.connectSync({ serverUrl: server.url, token: server.tokens[person] });

    test("the DITP's reader reads its jury without changing it; the HATVP does not have it", async () => {
        const claire = laptop(await newLaptop());
        await connect(claire, "claire");
        const plan = await claire.createPlan({ country: "France", title: "Plan d'action national 2025-2027", periodStart: "2025-01-01", periodEnd: "2027-12-31" });
        await claire.createInstitution({ name: "Direction interministérielle de la transformation publique", acronym: "DITP", kind: "ministry" });
        expect(await claire.syncNow()).toMatchObject({ pending: 0, rejections: 0 });

        // Camille, of the DITP, runs the jury.
        const camille = laptop(await newLaptop());
        await connect(camille, "camille");
        await camille.syncNow();
        const own = await camille.getOwnInstitution();
        expect(own?.acronym).toBe("DITP");
        const jury = await camille.createJurySession(plan.id, own!.id, { title: "Promotion 2", heldOn: "2026-03-12", places: 1 });
        const awa = await camille.addJuror(jury.id, { name: "Awa" });
        const application = await camille.addJuryApplication(jury.id, { title: "Jardins partagés", applicant: "Association Vert", summary: "", contactEmail: "", reference: "" });
        await camille.handInScoreSheet({ jurorId: awa.id, applicationId: application.id, verdict: { kind: "scores", scores: scores([5, 4, 4, 4, 4]) } });
        expect(await camille.syncNow()).toMatchObject({ pending: 0, rejections: 0 });

        // Rémi, reader at the DITP: the jury, its ranking and rule, nothing to change.
        const session = await openApp();
        const remi = laptop(session.laptop);
        await connect(remi, "remi");
        await remi.syncNow();
        const { page } = session;
        await page.evaluate(id => (location.hash = `#/plans/${id}/jurys`), plan.id);
        await page.locator("#jury-sessions a", { hasText: "Promotion 2" }).click();
        await page.locator("#jury-read-only").waitFor();
        expect(await page.locator("#jury-read-only").textContent()).toContain("Votre rôle de lecteur");
        expect(await page.locator("#ranking-table").textContent()).toContain("Jardins partagés");
        expect(await page.getByRole("tab", { name: "Notation" }).count()).toBe(0);
        expect(await page.locator("#jury-session-edit, #jury-session-delete").count()).toBe(0);
        await page.getByRole("tab", { name: /Jurés/ }).click();
        expect(await page.locator("#juror-add-form, #jurors-table button").count()).toBe(0);
        await page.getByRole("tab", { name: /Candidatures/ }).click();
        expect(await page.locator("#application-new, #applications-read, #applications-table button").count()).toBe(0);
        await expectAccessible(page, "a jury read-only");
        // Nor does the shared laptop's screen take sheets.
        await page.evaluate(id => (location.hash = `#/jurys/${id}/notation`), jury.id);
        await page.locator("[data-testid=read-only]").waitFor();
        expect(await page.locator("#scoring-juror-start").count()).toBe(0);
        expectNoProblems(session);
        await session.close();

        // Hugo, of the HATVP: the jury is not on his laptop at all.
        const hugoSession = await openApp();
        const hugo = laptop(hugoSession.laptop);
        await connect(hugo, "hugo");
        await hugo.syncNow();
        await hugoSession.page.evaluate(id => (location.hash = `#/plans/${id}/jurys`), plan.id);
        await hugoSession.page.locator("#jury-sessions-none").waitFor();
        expect(await hugo.listJurySessions(plan.id)).toEqual([]);
        await hugoSession.page.evaluate(id => (location.hash = `#/jurys/${id}`), jury.id);
        await hugoSession.page.locator("h1", { hasText: /introuvable|Introuvable/ }).waitFor();
        expect(await hugoSession.page.content()).not.toContain("Awa");
        await hugoSession.close();
    }, 90_000);
});
