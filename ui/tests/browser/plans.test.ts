/** Home screen: a drafter starts with no plan, creates one, and loads the demonstration plan. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { laptop } from "./core";
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
        await page.getByLabel("Début de période").fill("31/12/2023");
        await page.getByLabel("Fin de période").fill("17/12/2021");
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
        // Typed as a French reader writes dates, whatever the computer's language.
        await page.locator("#plan-period-start").pressSequentially("1/1/2024");
        await page.locator("#plan-period-end").pressSequentially("31/12/2026");
        await page.locator("#plan-submit").click();
        await expect.poll(() => page.locator("main h1").textContent()).toBe("France — Plan d'action national 2024-2026");
        const [created] = await laptop(session.laptop).listPlans();
        expect([created?.periodStart, created?.periodEnd]).toEqual(["2024-01-01", "2026-12-31"]);
        await page.getByText("Ce plan n'a pas encore d'axe").waitFor();
        // No server yet: the plan is kept on this computer, which is said without alarm.
        await page.locator("#sync-pending", { hasText: "1 modification enregistrée sur ce poste" }).waitFor();
        expect(await page.locator("#sync-pending .fr-icon-save-line").count()).toBe(1);
        await page.locator("#nav-plans").click();
        await page.getByText("01/01/2024 – 31/12/2026").waitFor();
        expectNoProblems(session);
        await session.close();
    });

    test("a plan's period takes French dates on an English computer, and says in French what is wrong with one", async () => {
        const session = await openApp({ systemLocale: "en-US" });
        const { page } = session;
        const group = (id: string) => page.locator(".fr-input-group", { has: page.locator(`#${id}`) });
        await group("plan-period-start").getByText("Au format jj/mm/aaaa, par exemple 31/12/2026.").waitFor();
        await page.locator("#plan-country").fill("France");
        await page.locator("#plan-title").fill("France — Plan d'action national 2027-2029");
        // Month first, as the computer's language would have it: refused, and why.
        await page.locator("#plan-period-start").fill("12/31/2027");
        await page.locator("#plan-period-end").fill("31/12/29");
        await page.locator("#plan-submit").click();
        await group("plan-period-start")
            .getByText("Il n'y a pas de mois 31 : écrivez d'abord le jour, puis le mois (de 1 à 12), puis l'année.")
            .waitFor();
        await group("plan-period-end").getByText("Écrivez l'année en entier, sur quatre chiffres : par exemple 31/12/2026 et non 31/12/26.").waitFor();
        expect(await laptop(session.laptop).listPlans()).toEqual([]);
        await expectAccessible(page, "plan period with wrong dates");
        await screenshots(page, "03-home-date-errors");
        // Corrected, the plan is created with its period.
        await page.locator("#plan-period-start").fill("18/01/2027");
        await page.locator("#plan-period-end").fill("31/12/2029");
        await page.locator("#plan-submit").click();
        await expect.poll(() => page.locator("main h1").textContent()).toBe("France — Plan d'action national 2027-2029");
        await page.getByText("France · Période : 18/01/2027 – 31/12/2029").waitFor();
        const [created] = await laptop(session.laptop).listPlans();
        expect([created?.periodStart, created?.periodEnd]).toEqual(["2027-01-18", "2029-12-31"]);
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
