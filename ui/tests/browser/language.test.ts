/** Language: French by default; English switches every text, dates and the backend's messages, and is kept. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectAccessible, expectNoProblems, openApp, screenshots, startBrowser, stopBrowser } from "./harness";

beforeAll(startBrowser);
afterAll(stopBrowser);

describe("Langue", () => {
    test("switching to English changes labels, dates, html lang and backend messages; the choice is kept", async () => {
        const session = await openApp();
        const { page } = session;
        expect(await page.locator("#lang-fr").getAttribute("aria-pressed")).toBe("true");
        await page.locator("#lang-en").click();
        await page.locator("main h1", { hasText: "Action plans" }).waitFor();
        expect(await page.locator("html").getAttribute("lang")).toBe("en");
        expect(await page.locator("#lang-en").getAttribute("aria-pressed")).toBe("true");
        await page.getByLabel("Period start").waitFor();
        await page.getByText(/^Accessibility ?: partially compliant$/).waitFor();
        await page.getByRole("button", { name: "Load the demonstration plan" }).click();
        await page.getByText("France · Period: 17 Dec 2021 – 31 Dec 2023").waitFor();
        await page.getByText("Cross-cutting", { exact: true }).first().waitFor();
        await page.locator("li.po-commitment").first().getByText(/^\d+\/15 fields filled in$/).waitFor();
        await expectAccessible(page, "overview in English");
        await screenshots(page, "40-overview-english");

        // The backend follows the language: its refusal comes in English.
        await page.locator("section.po-area").first().locator("[data-testid^=add-commitment-]").click();
        await page.locator("#commitment-new-title").fill("Open the data");
        await page.locator("#commitment-new-submit").click();
        await page.locator("#commitment-contactEmail").fill("not-an-address");
        await page.locator("#commitment-contactEmail").blur();
        await page.getByText("Invalid e-mail address: it must look like first.last@example.gouv.fr.").waitFor();
        await expect.poll(() => page.getByTestId("save-status").textContent()).toContain("Not saved: 1 field to correct");
        await page.getByLabel("Due date").first().waitFor();
        await expectAccessible(page, "commitment in English");
        await page.locator("#commitment-contactEmail").evaluate(element => element.scrollIntoView({ block: "center" }));
        await screenshots(page, "41-commitment-english");

        // Kept: a new start of the interface comes back in English, on the commitment the store kept.
        await page.reload();
        await page.locator("main h1", { hasText: "Open the data" }).waitFor();
        expect(await page.locator("html").getAttribute("lang")).toBe("en");
        await page.getByLabel("Due date").first().waitFor();
        // The app started again on the same laptop (a new browser profile): the language is in the store.
        const again = await openApp({ laptop: session.laptop });
        await again.page.locator("main h1", { hasText: "Action plans" }).waitFor();
        expect(await again.page.locator("html").getAttribute("lang")).toBe("en");
        await again.page.locator("#lang-fr").click();
        await again.page.locator("main h1", { hasText: "Plans d'action" }).waitFor();
        await expect.poll(() => again.page.locator("html").getAttribute("lang")).toBe("fr");
        expectNoProblems(again);
        await again.close();
        expectNoProblems(session);
        await session.close();
    });
});
