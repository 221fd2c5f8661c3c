/** Institutions: listed with their kind in words, added, edited, and deleted only when unused. */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectAccessible, expectNoProblems, openApp, screenshots, startBrowser, stopBrowser } from "./harness";

beforeAll(startBrowser);
afterAll(stopBrowser);

const rows = (page: Page) => page.locator("main table tbody tr");
/** The rows fill the table's frame (DSFR's `fr-table__wrapper`) at both window sizes. */
async function expectRowsSpanTheTable(page: Page) {
    for (const [width, height] of [
        [1280, 800],
        [1024, 768]
    ] as const) {
        await page.setViewportSize({ width, height });
        const frame = await page.locator("main .fr-table__wrapper").boundingBox();
        const main = await page.locator("main h1").boundingBox();
        expect(frame!.x, `table frame at ${width}×${height}`).toBeCloseTo(main!.x, 0);
        for (const box of await rows(page).evaluateAll(trs => trs.map(tr => tr.getBoundingClientRect().toJSON() as DOMRect))) {
            expect(box.x, `row at ${width}×${height}`).toBeCloseTo(frame!.x, 0);
            expect(box.width, `row at ${width}×${height}`).toBeCloseTo(frame!.width, 0);
        }
        const scrolls = await page.locator("main .fr-table__container").evaluate(c => c.scrollWidth > c.clientWidth);
        expect(scrolls, `no horizontal scroll at ${width}×${height}`).toBe(false);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
}

const row = (page: Page, name: string) => page.locator("main table tbody tr", { has: page.locator("td", { hasText: new RegExp(`^${name}$`) }) });

describe("Institutions", () => {
    test("with none yet, the screen says how to start; a new one is created, validated by the backend", async () => {
        const session = await openApp();
        const { page } = session;
        await page.locator("#nav-institutions").click();
        await page.locator("main h1", { hasText: "Institutions" }).waitFor();
        await page.getByText("Aucune institution pour l'instant.", { exact: false }).waitFor();
        await expectAccessible(page, "institutions (empty)");

        await page.locator("#institution-submit").click();
        await page.locator(".fr-input-group", { has: page.locator("#institution-name") }).getByText("Ce champ est obligatoire.").waitFor();
        await page.locator("#institution-name").fill("Conseil d'État");
        await page.locator("#institution-kind").selectOption({ label: "Juridiction" });
        await page.locator("#institution-submit").click();
        await row(page, "Conseil d'État").getByText("Juridiction").waitFor();
        await page.getByText("L'institution « Conseil d'État » a été ajoutée.").waitFor();
        expect(await page.locator("#institution-name").inputValue()).toBe("");
        expectNoProblems(session);
        await session.close();
    });

    test("the demonstration institutions are listed with their kind in words", async () => {
        const session = await openApp();
        const { page } = session;
        await page.locator("#load-demo").click();
        await page.locator("main h1", { hasText: "France" }).waitFor();
        await page.locator("#nav-institutions").click();
        await expect.poll(() => rows(page).count()).toBe(8);
        await row(page, "Haute Autorité pour la transparence de la vie publique").getByText("Autorité administrative indépendante").waitFor();
        await row(page, "Assemblée nationale").getByText("Parlement").waitFor();
        await row(page, "Cour de cassation").getByText("Juridiction").waitFor();
        await row(page, "Ministère de la Transition écologique").getByText("Ministère", { exact: true }).waitFor();
        await expectRowsSpanTheTable(page);
        await expectAccessible(page, "institutions (light)");
        await screenshots(page, "30-institutions");
        expectNoProblems(session);
        await session.close();
    });

    test("an institution in use cannot be deleted: the backend's message says why; an unused one can", async () => {
        const session = await openApp();
        const { page } = session;
        await page.locator("#load-demo").click();
        await page.locator("main h1", { hasText: "France" }).waitFor();
        await page.locator("#nav-institutions").click();
        await rows(page).first().waitFor();

        await page.getByRole("button", { name: "Supprimer l'institution « Haute Autorité pour la transparence de la vie publique »" }).click();
        const confirm = page.locator("#institution-delete-modal");
        await confirm
            .getByText("Supprimer l'institution « Haute Autorité pour la transparence de la vie publique » ? Cette action est définitive.")
            .waitFor();
        await confirm.getByTestId("confirm").click();
        const alert = page.getByRole("alert").filter({ hasText: "Suppression impossible" });
        await alert.getByText(/elle est citée dans 3 engagements ou jalons\./).waitFor();
        expect(await rows(page).count()).toBe(8);
        await expectAccessible(page, "institutions (refused deletion)");
        await screenshots(page, "31-institutions-refused");

        await page.locator("#institution-name").fill("Commission d'accès aux documents administratifs");
        await page.locator("#institution-acronym").fill("CADA");
        await page.locator("#institution-kind").selectOption({ label: "Autorité administrative indépendante" });
        await page.locator("#institution-submit").click();
        await expect.poll(() => rows(page).count()).toBe(9);
        await page.getByRole("button", { name: "Supprimer l'institution « Commission d'accès aux documents administratifs »" }).click();
        await confirm.getByTestId("confirm").click();
        await expect.poll(() => rows(page).count()).toBe(8);
        await page.getByText("L'institution « Commission d'accès aux documents administratifs » a été supprimée.").waitFor();
        expectNoProblems(session);
        await session.close();
    });

    test("an institution is edited in a dialog; a duplicate name is refused under the name", async () => {
        const session = await openApp({ colorScheme: "dark" });
        const { page } = session;
        await page.locator("#load-demo").click();
        await page.locator("main h1", { hasText: "France" }).waitFor();
        await page.locator("#nav-institutions").click();
        await rows(page).first().waitFor();
        await page.getByRole("button", { name: "Modifier l'institution « Cour de cassation »" }).click();
        const dialog = page.locator("#institution-edit-modal");
        await dialog.locator("#institution-edit-name").fill("Assemblée nationale");
        await dialog.locator("#institution-edit-submit").click();
        await dialog.getByText("Une institution porte déjà ce nom.").waitFor();
        await expectAccessible(page, "institution dialog (dark)");
        await screenshots(page, "32-institutions-edit-dark");
        await dialog.locator("#institution-edit-name").fill("Cour de cassation");
        await dialog.locator("#institution-edit-acronym").fill("CCASS");
        await dialog.locator("#institution-edit-submit").click();
        await dialog.waitFor({ state: "hidden" });
        await row(page, "Cour de cassation").getByText("CCASS").waitFor();
        await expectRowsSpanTheTable(page);
        await expectAccessible(page, "institutions (dark)");
        await screenshots(page, "33-institutions-dark");
        expectNoProblems(session);
        await session.close();
    });
});
