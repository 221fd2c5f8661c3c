/** The glossary, from the footer: the words of the OGP and of its plans, in French and English. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectAccessible, expectNoProblems, openApp, screenshots, startBrowser, stopBrowser } from "./harness";

beforeAll(startBrowser);
afterAll(stopBrowser);

describe("Glossaire", () => {
    test("the footer leads to the glossary, in French with the English words, then in English", async () => {
        const session = await openApp();
        const { page } = session;
        await page.locator("#footer-glossary").click();
        await expect.poll(() => page.locator("main h1").textContent()).toBe("Glossaire");
        expect(await page.evaluate(() => location.hash)).toBe("#/glossaire");
        const pgo = page.locator("#glossary-pgo");
        expect(await pgo.textContent()).toBe("PGO — Partenariat pour un gouvernement ouvert");
        // Its English word, marked as English for screen readers.
        const english = page.locator("#glossary dd span[lang=en]", { hasText: "OGP — Open Government Partnership" });
        await english.waitFor();
        for (const term of ["Jalon", "Institution porteuse", "MRI — Mécanisme de rapport indépendant", "Société civile", "Engagement étoilé"]) {
            await page.locator("#glossary dt", { hasText: term }).first().waitFor();
        }
        // The IRM's scales, with the labels the commitment screen shows.
        await page.locator("#glossary dd", { hasText: "aucune, faible, moyenne, élevée" }).waitFor();

        // A term of the contents leads to its definition, and the focus follows.
        await page.locator("main nav a", { hasText: "Jalon" }).click();
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("glossary-jalon");
        await expectAccessible(page, "glossary");
        await screenshots(page, "60-glossary");

        await page.locator("#lang-en").click();
        await expect.poll(() => page.locator("main h1").textContent()).toBe("Glossary");
        expect(await pgo.textContent()).toBe("OGP — Open Government Partnership");
        await page.locator("#glossary dd span[lang=fr]", { hasText: "PGO — Partenariat pour un gouvernement ouvert" }).waitFor();
        await expectAccessible(page, "glossary in English");
        await page.locator("#lang-fr").click();
        expectNoProblems(session);
        await session.close();
    });
});
