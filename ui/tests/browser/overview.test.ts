/** The plan overview: a coordinator reads the demonstration plan, searches and filters it, edits areas. */
import type { Page } from "playwright-core";
import type { PlanSearch } from "../../src/core/bindings";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { laptop } from "./core";
import { expectAccessible, expectNoProblems, openApp, pickInstitution, screenshots, startBrowser, stopBrowser, type Session } from "./harness";

beforeAll(startBrowser);
afterAll(stopBrowser);

async function openDemo(options: { colorScheme?: "light" | "dark" } = {}): Promise<Session> {
    const session = await openApp(options);
    await session.page.locator("#load-demo").click();
    await session.page.locator("main h1", { hasText: "France — Plan d'action national 2021-2023" }).waitFor();
    return session;
}

const areaTitles = (page: Page) => page.locator("main section.po-area .po-area__title h2 .po-area__name").allTextContents();
/** The numbers the core gives the areas and commitments shown. */
const areaNumbers = (page: Page) => page.locator("main section.po-area .po-area__title h2 .po-number").allTextContents();
const commitmentNumbers = (page: Page) => page.locator("li.po-commitment .po-commitment__number").allTextContents();

describe("Vue d'ensemble du plan", () => {
    test("the demonstration plan shows its period, counts, six areas with their kind, and commitment details", async () => {
        const session = await openDemo();
        const { page } = session;
        await page.getByText("France · Période : 17/12/2021 – 31/12/2023").waitFor();
        expect(await page.getByTestId("overview-counts").textContent()).toMatch(/^6 axes, \d+ engagements, \d+ jalons$/);
        expect(await areaTitles(page)).toEqual([
            "Associer les citoyens à l'élaboration des politiques publiques",
            "Renforcer la transparence de l'action publique",
            "Construire une société numérique plus inclusive",
            "Accélérer la transition écologique",
            "Répondre à la crise sanitaire",
            "Promouvoir les valeurs d'ouverture en Europe et à l'international"
        ]);
        // Numbered as the printable plan numbers them: areas by rank, commitments after their area.
        expect(await areaNumbers(page)).toEqual(["Axe 1", "Axe 2", "Axe 3", "Axe 4", "Axe 5", "Axe 6"]);
        expect((await commitmentNumbers(page)).slice(0, 2)).toEqual(["1.1", "1.2"]);
        const first = page.locator("section.po-area").first();
        await first.getByText("Transversal", { exact: true }).waitFor();
        await page.locator("section.po-area").nth(3).getByText("Thématique", { exact: true }).waitFor();
        const accelerator = page.locator("li.po-commitment", { hasText: "Lancer un accélérateur d'initiatives citoyennes" });
        await accelerator.getByText("DITP").waitFor();
        await accelerator.getByText("2 jalons").waitFor();
        await accelerator.getByText(/^\d+\/15 champs remplis$/).waitFor();
        await expectAccessible(page, "overview (light)");
        await screenshots(page, "10-overview");
        expectNoProblems(session);
        await session.close();
    });

    test("the overview has no accessibility violation in the dark theme either", async () => {
        const session = await openDemo({ colorScheme: "dark" });
        const { page } = session;
        expect(await page.locator("html").getAttribute("data-fr-theme")).toBe("dark");
        await expectAccessible(page, "overview (dark)");
        await screenshots(page, "11-overview-dark");
        expectNoProblems(session);
        await session.close();
    });

    test("searching “ecologique” finds the ecological-transition area and its commitments only", async () => {
        const session = await openDemo();
        const { page } = session;
        await page.locator("#overview-search").fill("ecologique");
        await expect.poll(() => areaTitles(page)).toEqual(["Accélérer la transition écologique"]);
        expect(await page.locator("li.po-commitment .po-commitment__link").allTextContents()).toEqual([
            "Accélérer la transition écologique par l'ouverture des données environnementales"
        ]);
        // Found alone, they keep their numbers.
        expect(await areaNumbers(page)).toEqual(["Axe 4"]);
        expect(await commitmentNumbers(page)).toEqual(["4.1"]);
        await page.getByText(/1 engagement correspond à votre recherche/).first().waitFor();
        await screenshots(page, "12-overview-search");
        // Nothing matches: say so, and offer to clear the filters.
        await page.locator("#overview-search").fill("zzzz introuvable");
        await page.getByText("Aucun engagement ne correspond à votre recherche.").waitFor();
        await expectAccessible(page, "overview without match");
        await screenshots(page, "13-overview-no-match");
        await page.getByRole("button", { name: "Effacer les filtres" }).click();
        await expect.poll(() => areaTitles(page)).toHaveLength(6);
        expect(await page.locator("#overview-search").inputValue()).toBe("");
        expectNoProblems(session);
        await session.close();
    });

    test("an area of 400 commitments renders the rows near the screen, and the others as one scrolls or tabs to them", async () => {
        const session = await openApp();
        const { page } = session;
        const b = laptop(session.laptop);
        const plan = await b.createPlan({ country: "France", title: "Plan d'action national 2025-2027", periodStart: "2025-01-01", periodEnd: "2027-12-31" });
        const area = await b.createArea(plan.id, { kind: "thematic", title: "Transparence", description: "" });
        for (let n = 1; n <= 400; n++) await b.createCommitment(area.id, `Engagement numéro ${n}`);
        await page.evaluate(id => (location.hash = `#/plans/${id}`), plan.id);
        await page.getByTestId("overview-counts").getByText(/400 engagements/).waitFor();
        const rows = page.locator("li.po-commitment");
        await expect.poll(() => rows.count()).toBeGreaterThan(0);
        expect(await rows.count(), "only the first blocks are built").toBeLessThan(100);
        await expectAccessible(page, "a long area");
        // Scrolled to its end, the last ones are there and the first ones are not.
        const last = page.locator("li.po-commitment", { hasText: "Engagement numéro 400" });
        for (let i = 0; i < 40 && (await last.count()) === 0; i++) {
            await page.mouse.wheel(0, 4000);
            await page.waitForTimeout(50);
        }
        await last.waitFor();
        // Half-way up at once: the rows there are built again, with no gap on screen.
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
        await page.locator(".po-commitment__link", { hasText: /^Engagement numéro 2\d\d$/ }).first().waitFor();
        await screenshots(page, "14-overview-long-area-middle");
        const firstLink = page.locator(".po-commitment__link", { hasText: /^Engagement numéro 1$/ });
        await expect.poll(() => firstLink.count()).toBe(0);
        expect(await rows.count()).toBeLessThan(200);
        // Back to the top: the first ones come back, where they were.
        await page.evaluate(() => window.scrollTo(0, 0));
        await firstLink.waitFor();
        // Tabbing from one row's link to the next reaches rows not built when the page opened.
        await page.locator("li.po-commitment .po-commitment__link").first().focus();
        for (let i = 0; i < 60; i++) await page.keyboard.press("Tab");
        const focused = await page.evaluate(() => document.activeElement?.textContent ?? "");
        expect(focused).toMatch(/^Engagement numéro (5\d|6\d)$/);
        // A search finds one far down the list.
        await page.locator("#overview-search").fill("numero 399");
        await expect.poll(() => rows.allTextContents()).toEqual([expect.stringContaining("Engagement numéro 399")]);
        expectNoProblems(session);
        await session.close();
    });

    test("typing a search asks only which commitments it finds: the overview is not read again", async () => {
        const session = await openDemo();
        const { page } = session;
        const asked: string[] = [];
        page.on("request", request => {
            const command = /\/invoke\/([a-z_]+)$/.exec(request.url())?.[1];
            if (command !== undefined) asked.push(command);
        });
        for (const typed of ["d", "do", "don", "donn", "donne", "donnee", "donnees"]) {
            await page.locator("#overview-search").fill(typed);
            await page.waitForTimeout(40);
        }
        await page.getByText(/correspond(ent)? à votre recherche/).first().waitFor();
        await expect.poll(() => asked.filter(c => c === "search_plan").length).toBeGreaterThan(0);
        expect(asked.filter(c => c === "plan_overview"), asked.join(", ")).toEqual([]);
        const found = await page.locator("li.po-commitment").count();
        expect(found).toBeGreaterThan(0);
        expect(await page.getByText(/correspond(ent)? à votre recherche/).first().textContent()).toContain(String(found));
        // Cleared, the search shows the whole plan again from what the page read.
        await page.locator("#overview-search").fill("");
        await expect.poll(() => areaTitles(page)).toHaveLength(6);
        expect(asked.filter(c => c === "plan_overview"), asked.join(", ")).toEqual([]);
        // A search that finds nearly everything is answered by what it does not find, and the
        // page shows the others.
        const whole = await page.locator("li.po-commitment").count();
        const listTop = async () => (await page.locator("section.po-area").first().boundingBox())?.y;
        const before = await listTop();
        // Nothing filtered: the line of results is there, unseen and out of the keyboard's way.
        expect(await page.getByRole("button", { name: "Effacer les filtres" }).count()).toBe(0);
        const answered = page.waitForResponse(response => response.url().endsWith("/invoke/search_plan"));
        await page.locator("#overview-search").fill("e");
        const answer = ((await (await answered).json()) as { ok: PlanSearch }).ok;
        expect(answer.found?.kind).toBe("allBut");
        const notFound = answer.found?.ids.length ?? whole;
        expect(notFound).toBeLessThan(whole / 2);
        await expect.poll(() => page.locator("li.po-commitment").count()).toBe(whole - notFound);
        // The line saying how many match was there, empty: the first letter does not move the list.
        await page.getByTestId("overview-filter-result").getByText(/correspond/).waitFor();
        expect(await listTop()).toBe(before);
        for (const id of answer.found?.ids ?? []) expect(await page.getByTestId(`commitment-${id}`).count()).toBe(0);
        expectNoProblems(session);
        await session.close();
    });

    test("the institution filter keeps the commitments it leads or supports", async () => {
        const session = await openDemo();
        const { page } = session;
        await pickInstitution(page, "overview-institution", "hatvp", "Haute Autorité pour la transparence de la vie publique (HATVP)");
        await expect.poll(() => areaTitles(page)).toEqual(["Renforcer la transparence de l'action publique"]);
        expect(await page.locator("li.po-commitment").allTextContents()).toEqual([
            expect.stringContaining("Publier en données ouvertes les déclarations des responsables publics")
        ]);
        await page.getByRole("button", { name: "Retirer Haute Autorité pour la transparence de la vie publique (HATVP)" }).click();
        await expect.poll(() => areaTitles(page)).toHaveLength(6);
        // Back to every institution, which the empty field says.
        expect(await page.locator("#overview-institution").inputValue()).toBe("");
        expect(await page.locator("#overview-institution").getAttribute("placeholder")).toBe("Toutes les institutions");
        expectNoProblems(session);
        await session.close();
    });

    test("areas are added, renamed, refused deletion while not empty, and deleted when empty", async () => {
        const session = await openDemo();
        const { page } = session;
        // Add: the title is required by the backend.
        await page.locator("#area-add").click();
        const dialog = page.locator("#area-modal");
        await dialog.locator("#area-title").waitFor({ state: "visible" });
        await dialog.locator("#area-submit").click();
        await dialog.getByText("Ce champ est obligatoire.").waitFor();
        await dialog.locator("#area-title").fill("Ouvrir la justice");
        await dialog.locator("label", { hasText: "Thématique" }).click();
        expect(await dialog.getByLabel("Thématique").isChecked()).toBe(true);
        await dialog.locator("#area-description").fill("Rendre la justice plus lisible.");
        await expectAccessible(page, "add area dialog");
        await screenshots(page, "14-overview-area-dialog");
        await dialog.locator("#area-submit").click();
        await dialog.waitFor({ state: "hidden" });
        await expect.poll(() => areaTitles(page)).toHaveLength(7);
        const added = page.locator("section.po-area").last();
        await added.getByText("Thématique", { exact: true }).waitFor();

        // Rename.
        await added.getByRole("button", { name: "Renommer l'axe « Ouvrir la justice »" }).click();
        await dialog.locator("#area-title").fill("Ouvrir la justice aux citoyens");
        await dialog.locator("#area-submit").click();
        await dialog.waitFor({ state: "hidden" });
        await added.getByRole("heading", { name: "Ouvrir la justice aux citoyens" }).waitFor();

        // A non-empty area: the backend refuses and says why.
        const first = page.locator("section.po-area").first();
        await first.getByRole("button", { name: /^Supprimer l'axe/ }).click();
        const confirm = page.locator("#area-delete-modal");
        await confirm.getByText("Vous pourrez annuler la suppression pendant 30 secondes.", { exact: false }).waitFor();
        await confirm.getByTestId("confirm").click();
        await first.getByRole("alert").getByText(/il contient 2 engagement/).waitFor();
        expect(await areaTitles(page)).toHaveLength(7);

        // An empty one goes, after confirmation; Escape cancels first.
        await added.getByRole("button", { name: /^Supprimer l'axe/ }).click();
        await confirm.waitFor({ state: "visible" });
        await page.keyboard.press("Escape");
        await confirm.waitFor({ state: "hidden" });
        await added.getByRole("button", { name: /^Supprimer l'axe/ }).click();
        await confirm.getByTestId("confirm").click();
        await expect.poll(() => areaTitles(page)).toHaveLength(6);
        await page.locator("#deletion-notice").getByText("L'axe « Ouvrir la justice aux citoyens » a été supprimé.").waitFor();
        await expectAccessible(page, "overview with a deletion to undo");
        // Undone from the notice: the area is back, in its place.
        await page.locator("#deletion-undo").click();
        await page.locator("#deletion-notice").getByText("Suppression annulée", { exact: false }).waitFor();
        await expect.poll(() => areaTitles(page)).toHaveLength(7);
        expect((await areaTitles(page)).at(-1)).toBe("Ouvrir la justice aux citoyens");
        expectNoProblems(session);
        await session.close();
    });

    test("dialogs work with the keyboard: focus inside, kept inside, Escape closes, focus comes back", async () => {
        const session = await openDemo();
        const { page } = session;
        const trigger = page.locator("section.po-area").nth(1).getByRole("button", { name: /^Supprimer l'axe/ });
        await trigger.focus();
        await page.keyboard.press("Enter");
        const dialog = page.locator("#area-delete-modal");
        await dialog.waitFor({ state: "visible" });
        await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest("#area-delete-modal"))).toBe(true);
        for (let i = 0; i < 6; i++) {
            await page.keyboard.press("Tab");
            expect(await page.evaluate(() => !!document.activeElement?.closest("#area-delete-modal"))).toBe(true);
        }
        await page.keyboard.press("Escape");
        await dialog.waitFor({ state: "hidden" });
        await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toMatch(/^Supprimer l'axe « Renforcer/);
        expectNoProblems(session);
        await session.close();
    });

    test("the plan is edited in a dialog, validated by the backend", async () => {
        const session = await openDemo();
        const { page } = session;
        await page.locator("#plan-edit").click();
        const dialog = page.locator("#plan-edit-modal");
        await dialog.locator("#plan-edit-title").fill("");
        await dialog.locator("#plan-edit-submit").click();
        await dialog.getByText("Ce champ est obligatoire.").waitFor();
        await dialog.locator("#plan-edit-title").fill("France — Plan d'action national 2021-2023 (révisé)");
        await dialog.locator("#plan-edit-submit").click();
        await dialog.waitFor({ state: "hidden" });
        await page.locator("main h1", { hasText: "(révisé)" }).waitFor();
        expectNoProblems(session);
        await session.close();
    });

    test("adding a commitment asks for its title and opens it", async () => {
        const session = await openDemo();
        const { page } = session;
        const area = page.locator("section.po-area").nth(3);
        const testId = await area.locator("[data-testid^=add-commitment-]").getAttribute("data-testid");
        expect(testId).toMatch(/^add-commitment-[0-9a-f-]{36}$/);
        await page.getByTestId(testId!).click();
        const dialog = page.locator("#commitment-new-modal");
        await dialog.locator("#commitment-new-title").fill("Publier les données de la rénovation énergétique");
        await dialog.locator("#commitment-new-title").press("Enter");
        await page.locator("main h1", { hasText: "Publier les données de la rénovation énergétique" }).waitFor();
        await page.locator("nav.fr-breadcrumb").getByText("Axe : Accélérer la transition écologique").waitFor();
        expectNoProblems(session);
        await session.close();
    });
});
