/** Home screen: a drafter starts with no plan, creates one, and loads the demonstration plan. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectAccessible, expectNoProblems, openApp, screenshots, startBrowser, stopBrowser } from "./harness";

beforeAll(startBrowser);
afterAll(stopBrowser);

describe("Accueil / plans", () => {
    test("with no plan yet, the screen explains what to do, in the DSFR look", async () => {
        const session = await openApp();
        const { page } = session;
        await expect.poll(() => page.locator("main h1").textContent()).toBe("Plans d'action");
        await page.getByText("Aucun plan d'action pour l'instant").waitFor();
        expect(await page.locator("html").getAttribute("lang")).toBe("fr");
        // The DSFR header with the service title, the Marianne font, and the footer.
        await expect.poll(() => page.locator(".fr-header__service-title").textContent()).toContain("Plan ouvert");
        const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
        expect(font).toContain("Marianne");
        expect(await page.evaluate(() => document.fonts.check("16px Marianne"))).toBe(true);
        await page.locator("footer.fr-footer").getByText("Accessibilité : partiellement conforme").waitFor();
        await expectAccessible(page, "empty home");
        await screenshots(page, "01-home-empty");
        expectNoProblems(session);
        await session.close();
    });

    test("a refused plan shows each backend message under its field and keeps what was typed", async () => {
        const session = await openApp();
        const { page } = session;
        await page.getByLabel("Titre").fill("Plan sans pays");
        await page.getByLabel("Début de période").fill("2023-12-31");
        await page.getByLabel("Fin de période").fill("2021-12-17");
        await page.locator("#plan-submit").click();
        const country = page.locator(".fr-input-group", { has: page.locator("#plan-country") });
        await country.getByText("Ce champ est obligatoire.").waitFor();
        const end = page.locator(".fr-input-group", { has: page.locator("#plan-period-end") });
        await end.getByText("Cette date doit être postérieure ou égale à la date de début (31/12/2023).").waitFor();
        expect(await page.locator("#plan-title").inputValue()).toBe("Plan sans pays");
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("plan-country");
        await expectAccessible(page, "home with errors");
        await screenshots(page, "02-home-errors");
        expectNoProblems(session);
        await session.close();
    });

    test("a drafter creates a plan and lands on its overview; it is then listed with French dates", async () => {
        const session = await openApp();
        const { page } = session;
        expect(await page.locator("#plan-title").getAttribute("placeholder")).toBe("France — Plan d'action national 2021-2023");
        await page.locator("#plan-country").fill("France");
        await page.locator("#plan-title").fill("France — Plan d'action national 2024-2026");
        await page.locator("#plan-period-start").fill("2024-01-01");
        await page.locator("#plan-period-end").fill("2026-12-31");
        await page.locator("#plan-submit").click();
        await expect.poll(() => page.locator("main h1").textContent()).toBe("France — Plan d'action national 2024-2026");
        await page.getByText("Ce plan n'a pas encore d'axe").waitFor();
        // No server yet: the plan is kept on this computer, which is said without alarm.
        await page.locator("#sync-pending", { hasText: "1 modification enregistrée sur ce poste" }).waitFor();
        expect(await page.locator("#sync-pending .fr-icon-save-line").count()).toBe(1);
        await page.locator("#nav-plans").click();
        await page.getByText("01/01/2024 – 31/12/2026").waitFor();
        expectNoProblems(session);
        await session.close();
    });

    test("loading the demonstration plan twice gives the same single plan", async () => {
        const session = await openApp();
        const { page } = session;
        await page.locator("#load-demo").click();
        await expect.poll(() => page.locator("main h1").textContent()).toBe("France — Plan d'action national 2021-2023");
        await page.getByText("6 axes, ").waitFor();
        await page.locator("#nav-plans").click();
        await page.getByText("17/12/2021 – 31/12/2023").waitFor();
        await page.locator("#load-demo").click();
        await expect.poll(() => page.locator("main h1").textContent()).toBe("France — Plan d'action national 2021-2023");
        await page.locator("#nav-plans").click();
        // The overview shows the period too: wait for the list itself, not just the text.
        await expect.poll(() => page.locator("main .fr-card").count()).toBe(1);
        await page.getByText("17/12/2021 – 31/12/2023").waitFor();
        await page.getByText("Démonstration", { exact: true }).waitFor();
        await expectAccessible(page, "home with a plan");
        await screenshots(page, "03-home-with-plan");
        expectNoProblems(session);
        await session.close();
    });
});
