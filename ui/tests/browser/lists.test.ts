/**
 * Long lists: with many plans and institutions (the whole OGP database is 150 plans and 1,300
 * institutions), the plans page and the institutions page are searched, filtered, sorted, and
 * shown a page at a time; creating, editing and deleting still work.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { InstitutionKind } from "../../src/core/bindings";
import { importEveryPlan, laptop, OGP_SAMPLE, script } from "./core";
import { expectAccessible, expectNoProblems, openApp, screenshots, startBrowser, stopBrowser, type Session } from "./harness";

beforeAll(startBrowser);
afterAll(stopBrowser);

/** 24 plans of 8 countries, 3 each, one period a year from 2012; and the demonstration plan. */
const COUNTRIES = ["Uruguay", "Équateur", "Albanie", "Kenya", "Canada", "Mexique", "Géorgie", "Indonésie"];

async function withPlans(options: { colorScheme?: "light" | "dark"; viewport?: { width: number; height: number } } = {}): Promise<Session> {
    const session = await openApp(options);
    const backend = laptop(session.laptop);
    await backend.loadDemoPlan();
    for (const [c, country] of COUNTRIES.entries()) {
        for (const n of [0, 1, 2]) {
            const year = 2012 + c + n * 4;
            await backend.createPlan({ country, title: `${country} — Plan d'action ${year}-${year + 2}`, periodStart: `${year}-01-01`, periodEnd: `${year + 2}-12-31` });
        }
    }
    await session.page.reload();
    await session.page.locator("main .fr-card").first().waitFor();
    return session;
}

const cardTitles = (page: Page) => page.locator("main .fr-card .fr-card__title").allTextContents();
const count = (page: Page, id: string) => page.locator(`#${id}-count`).textContent();

describe("Listes longues", () => {
    test("plans are searched by title or country, accents aside, filtered by country and sorted", async () => {
        const session = await withPlans();
        const { page } = session;
        expect(await count(page, "plans")).toBe("25 plans");
        expect(await cardTitles(page)).toHaveLength(20);

        await page.locator("#plans-search").fill("equateur");
        await expect.poll(() => cardTitles(page)).toEqual([
            "Équateur — Plan d'action 2021-2023",
            "Équateur — Plan d'action 2017-2019",
            "Équateur — Plan d'action 2013-2015"
        ]);
        expect(await count(page, "plans")).toBe("3 plans sur 25");
        await page.locator("#plans-search").fill("2021 france");
        await expect.poll(() => cardTitles(page)).toEqual(["France — Plan d'action national 2021-2023"]);
        expect(await count(page, "plans")).toBe("1 plan sur 25");
        await page.locator("#plans-search").fill("atlantide");
        await page.getByTestId("plans-no-match").getByText("Aucun plan ne correspond à votre recherche.").waitFor();
        expect(await count(page, "plans")).toBe("0 plan sur 25");
        await page.getByRole("button", { name: "Effacer les filtres" }).click();
        expect(await page.locator("#plans-search").inputValue()).toBe("");
        expect(await count(page, "plans")).toBe("25 plans");

        // By country; then sorted by title.
        await page.locator("#plans-country-filter").selectOption({ label: "Kenya (3)" });
        await expect.poll(() => cardTitles(page)).toEqual([
            "Kenya — Plan d'action 2023-2025",
            "Kenya — Plan d'action 2019-2021",
            "Kenya — Plan d'action 2015-2017"
        ]);
        await page.locator("#plans-sort").selectOption({ label: "Période, la plus ancienne d'abord" });
        await expect.poll(() => cardTitles(page)).toEqual([
            "Kenya — Plan d'action 2015-2017",
            "Kenya — Plan d'action 2019-2021",
            "Kenya — Plan d'action 2023-2025"
        ]);
        await page.locator("#plans-country-filter").selectOption({ label: "Tous les pays" });
        await page.locator("#plans-sort").selectOption({ label: "Titre, de A à Z" });
        await expect.poll(async () => (await cardTitles(page)).slice(0, 4)).toEqual([
            "Albanie — Plan d'action 2014-2016",
            "Albanie — Plan d'action 2018-2020",
            "Albanie — Plan d'action 2022-2024",
            "Canada — Plan d'action 2016-2018"
        ]);
        await page.locator("#plans-sort").selectOption({ label: "Pays, de A à Z" });
        // "Équateur" among the E, before "France"; not after "Uruguay".
        await expect.poll(async () => (await cardTitles(page)).slice(6, 10)).toEqual([
            "Équateur — Plan d'action 2021-2023",
            "Équateur — Plan d'action 2017-2019",
            "Équateur — Plan d'action 2013-2015",
            "France — Plan d'action national 2021-2023"
        ]);
        await expectAccessible(page, "plans, searched and sorted");
        await page.evaluate(() => window.scrollTo(0, 0));
        await screenshots(page, "04-home-many-plans");
        expectNoProblems(session);
        await session.close();
    });

    test("with the whole OGP sample imported, one's own plans come first, and so do their countries in the filter", async () => {
        const session = await openApp();
        const { page } = session;
        const backend = laptop(session.laptop);
        await backend.loadDemoPlan();
        await script(session.laptop, { files: [OGP_SAMPLE] });
        await importEveryPlan(backend);
        await page.reload();
        await page.locator("#plans-country-filter").waitFor();
        expect(await count(page, "plans")).toBe("151 plans");
        // One's own plans first, before the 149 of the library.
        expect((await cardTitles(page)).slice(0, 3)).toEqual([
            "France — Plan d'action national 2021-2023",
            "France — Plan d'action 1 (2015-2017)",
            "North Macedonia — Plan d'action 6 (2024-2026)"
        ]);
        const groups = page.locator("#plans-country-filter optgroup");
        expect(await groups.evaluateAll(gs => gs.map(g => g.getAttribute("label")))).toEqual(["Pays de vos plans", "Autres pays"]);
        // France: the demonstration plan and France's plan of the sample, the others a library.
        expect(await groups.nth(0).locator("option").allTextContents()).toEqual(["France (2)"]);
        const others = await groups.nth(1).locator("option").allTextContents();
        expect(others[0]).toMatch(/^Albania \(\d+\)$/);
        expect(others).toHaveLength(68);
        await page.locator("#plans-country-filter").selectOption({ label: "France (2)" });
        await expect.poll(() => cardTitles(page)).toEqual(["France — Plan d'action national 2021-2023", "France — Plan d'action 1 (2015-2017)"]);
        expect(await count(page, "plans")).toBe("2 plans sur 151");
        expectNoProblems(session);
        await session.close();
    });

    test("plans come 20 to a page; the pager moves the focus to the top of the new page", async () => {
        const session = await withPlans({ colorScheme: "dark" });
        const { page } = session;
        const pager = page.locator("#plans-pager");
        expect(await pager.getByRole("button", { name: "Page 1", exact: true }).getAttribute("aria-current")).toBe("page");
        expect(await pager.getByRole("button", { name: "Page précédente" }).isDisabled()).toBe(true);
        const firstPage = await cardTitles(page);
        await pager.getByRole("button", { name: "Page suivante" }).click();
        await expect.poll(() => cardTitles(page)).toHaveLength(5);
        expect(await cardTitles(page)).not.toContain(firstPage[0]);
        expect(await pager.getByRole("button", { name: "Page 2", exact: true }).getAttribute("aria-current")).toBe("page");
        expect(await pager.getByRole("button", { name: "Page suivante" }).isDisabled()).toBe(true);
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("plans-count");
        await expectAccessible(page, "plans, second page (dark)");
        await pager.evaluate(element => element.scrollIntoView({ block: "end" }));
        await screenshots(page, "05-home-plans-page-2-dark");
        // A search brings the list back to its first page.
        await page.locator("#plans-search").fill("plan");
        await expect.poll(() => cardTitles(page)).toHaveLength(20);
        expectNoProblems(session);
        await session.close();
    });

    test("institutions are searched by name or acronym, filtered by kind, sorted, 50 to a page, and still edited and deleted", async () => {
        const session = await openApp();
        const { page } = session;
        const backend = laptop(session.laptop);
        await backend.loadDemoPlan();
        const kinds: InstitutionKind[] = ["ministry", "court", "other"];
        for (let n = 1; n <= 120; n++) {
            await backend.createInstitution({ name: `Institution d'essai ${String(n).padStart(3, "0")}`, acronym: `IE${n}`, kind: kinds[n % 3]! });
        }
        await backend.createInstitution({ name: "Conseil d'État", acronym: "", kind: "court" });
        await page.locator("#nav-institutions").click();
        const rows = page.locator("#institutions-table tbody tr");
        const names = () => page.locator("#institutions-table tbody tr td:first-child").allTextContents();
        await expect.poll(() => rows.count()).toBe(50);
        expect(await count(page, "institutions")).toBe("129 institutions");

        await page.locator("#institutions-search").fill("cnil");
        await expect.poll(() => names()).toEqual(["Commission nationale de l'informatique et des libertés"]);
        expect(await count(page, "institutions")).toBe("1 institution sur 129");
        await page.locator("#institutions-search").fill("ETAT");
        await expect.poll(() => names()).toEqual(["Conseil d'État"]);
        await page.locator("#institutions-search").fill("");

        // By kind, then sorted.
        await page.locator("#institutions-kind-filter").selectOption({ label: "Juridiction" });
        await expect.poll(() => count(page, "institutions")).toBe("42 institutions sur 129");
        expect((await names()).slice(0, 3)).toEqual(["Conseil d'État", "Cour de cassation", "Institution d'essai 001"]);
        await page.locator("#institutions-sort").selectOption({ label: "Nom, de Z à A" });
        await expect.poll(async () => (await names())[0]).toBe("Institution d'essai 118");
        await page.locator("#institutions-kind-filter").selectOption({ label: "Tous les types" });
        await page.locator("#institutions-sort").selectOption({ label: "Sigle, de A à Z" });
        await expect.poll(async () => (await page.locator("#institutions-table tbody tr td:nth-child(2)").allTextContents()).slice(0, 3)).toEqual([
            "CNIL",
            "DITP",
            "HATVP"
        ]);
        await page.locator("#institutions-sort").selectOption({ label: "Nom, de A à Z" });

        // Three pages: 50, 50, 29.
        const pager = page.locator("#institutions-pager");
        await pager.getByRole("button", { name: "Dernière page" }).click();
        await expect.poll(() => rows.count()).toBe(29);
        expect(await pager.getByRole("button", { name: "Page 3", exact: true }).getAttribute("aria-current")).toBe("page");
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("institutions-count");
        await expectAccessible(page, "institutions, last page");
        await screenshots(page, "34-institutions-many");

        // Editing and deleting work from a search.
        await page.locator("#institutions-search").fill("essai 042");
        await expect.poll(() => names()).toEqual(["Institution d'essai 042"]);
        await page.getByRole("button", { name: "Modifier l'institution « Institution d'essai 042 »" }).click();
        const dialog = page.locator("#institution-edit-modal");
        await dialog.locator("#institution-edit-name").fill("Institution d'essai 042 renommée");
        await dialog.locator("#institution-edit-submit").click();
        await dialog.waitFor({ state: "hidden" });
        await expect.poll(() => names()).toEqual(["Institution d'essai 042 renommée"]);
        await page.getByRole("button", { name: "Supprimer l'institution « Institution d'essai 042 renommée »" }).click();
        await page.locator("#institution-delete-modal").getByTestId("confirm").click();
        await page.getByTestId("institutions-no-match").getByText("Aucune institution ne correspond à votre recherche.").waitFor();
        expect(await count(page, "institutions")).toBe("0 institution sur 128");
        expectNoProblems(session);
        await session.close();
    });

    test("a short list is read at a glance: no search above the demonstration's 8 institutions", async () => {
        const session = await openApp();
        const { page } = session;
        await laptop(session.laptop).loadDemoPlan();
        await page.locator("#nav-institutions").click();
        await expect.poll(() => page.locator("#institutions-table tbody tr").count()).toBe(8);
        expect(await page.locator("#institutions-search").count()).toBe(0);
        expect(await page.locator("#institutions-pager").count()).toBe(0);
        expectNoProblems(session);
        await session.close();
    });
});
