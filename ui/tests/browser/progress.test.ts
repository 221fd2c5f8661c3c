/**
 * Following the plan on the commitment screen: an institution reports on a milestone (refused
 * values said under their fields, nothing stored), the entry appears signed in the timeline, the
 * figure and its rule follow, a correction keeps the earlier entry, a weight changes the figure,
 * and the overview shows the plan's, the area's and the commitment's progress.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { opened, script, temporaryFolder } from "./core";
import { expectAccessible, expectNoProblems, openApp, screenshots, startBrowser, stopBrowser } from "./harness";

beforeAll(startBrowser);
afterAll(stopBrowser);

const TITLE = "Publier en données ouvertes les déclarations des responsables publics";

const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? "").trim();

test("a milestone is reported on, corrected and weighed, and progress rolls up to the plan", async () => {
    const session = await openApp();
    const { page } = session;
    await page.locator("#load-demo").click();
    await page.locator("main a", { hasText: TITLE }).click();
    await page.locator("#progress-commitment").waitFor();
    expect(await text(page, "#progress-commitment")).toContain("Avancement : 0 %");
    expect(await text(page, "#progress-rule")).toContain("achevé 100 %");
    // No account on this laptop: the demonstration plan is signed by its demonstration person.
    expect(await text(page, "#progress-signature")).toContain("Personne de démonstration");

    // The first milestone's form (the commitment's own comes first).
    const milestoneBlock = page.locator("section.po-progress-block").nth(1);
    await milestoneBlock.locator("button[id$='-open']").click();
    const form = milestoneBlock.locator("form.po-report-form");
    const field = (suffix: string) => form.locator(`[id$='-${suffix}']`).first();
    await field("reportedOn").fill("31/12/2099");
    await form.getByLabel("Achevé").check({ force: true });
    await field("done").fill("Le schéma est publié sur le site de la HATVP.");
    await form.getByRole("button", { name: "Ajouter un lien" }).click();
    await field("link-0-title").fill("Schéma des déclarations");
    await field("link-0-url").fill("www.hatvp.fr/schema");
    await form.getByRole("button", { name: "Enregistrer le rapport" }).click();
    await expect.poll(() => form.locator(".fr-error-text, .fr-message--error").allTextContents()).toEqual([
        expect.stringContaining("ne peut pas être postérieure à aujourd'hui"),
        expect.stringContaining("Lien 1 (adresse) : Adresse web invalide")
    ]);
    expect(await milestoneBlock.locator(".po-timeline__entry").count(), "nothing stored").toBe(0);

    await field("reportedOn").fill("15/06/2022");
    await field("link-0-url").fill("https://www.hatvp.fr/schema");
    await form.getByRole("button", { name: "Enregistrer le rapport" }).click();
    await page.locator("#progress-saved").waitFor();
    const entries = milestoneBlock.locator(".po-timeline__entry");
    await expect.poll(() => entries.count()).toBe(1);
    const entry = entries.first();
    expect(await entry.textContent()).toContain("15/06/2022");
    expect(await entry.textContent()).toContain("Signé par Personne de démonstration (Haute Autorité");
    expect(await entry.getByRole("link", { name: "Schéma des déclarations" }).getAttribute("href")).toBe("https://www.hatvp.fr/schema");
    await expect.poll(() => text(page, "#progress-commitment")).toContain("Avancement : 50 %");
    await expectAccessible(page, "the progress section with a report");

    // A correction: a new entry naming the earlier one, which stays.
    await entry.getByRole("button", { name: "Corriger ce rapport" }).click();
    await form.waitFor();
    expect(await text(page, "form.po-report-form h4")).toBe("Correction du rapport du 15/06/2022");
    await form.getByLabel("Substantiel").check({ force: true });
    await field("difficulties").fill("Le schéma doit encore être validé par la CNIL.");
    await form.getByRole("button", { name: "Enregistrer le rapport" }).click();
    await expect.poll(() => entries.count()).toBe(2);
    expect(await entries.first().textContent()).toContain("Corrige le rapport du 15/06/2022");
    expect(await entries.nth(1).textContent()).toContain("Achevé");
    await expect.poll(() => text(page, "#progress-commitment")).toContain("Avancement : 33 %");

    // Weighed 3 against 1: (3 × ⅔ + 1 × 0) / 4.
    const weight = milestoneBlock.locator("input[id$='-weight']");
    await weight.fill("0");
    await weight.press("Enter");
    await expect.poll(() => milestoneBlock.locator(".fr-error-text, .fr-message--error").allTextContents()).toEqual([
        expect.stringContaining("Le poids est un nombre entier de 1 à 100")
    ]);
    await weight.fill("3");
    await weight.press("Enter");
    await expect.poll(() => text(page, "#progress-commitment")).toContain("Avancement : 50 %");
    await screenshots(page, "progress-commitment");

    await page.getByRole("link", { name: "France — Plan d'action national 2021-2023" }).first().click();
    const row = page.locator("li.po-commitment", { hasText: TITLE });
    await expect.poll(() => row.locator("[data-testid$='-progress']").textContent()).toBe("Avancement 50 %");
    expect(await text(page, "#overview-progress")).toMatch(/^Avancement : \d+ %$/);
    await expectAccessible(page, "the overview with progress");
    expectNoProblems(session);
    await session.close();
});

test("a PDF is attached to a report, a file that is not what it says is refused, and the PDF opens", async () => {
    const folder = temporaryFolder();
    const pdf = join(folder.path, "Schéma des déclarations.pdf");
    const bytes = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(40_000, 7)]);
    writeFileSync(pdf, bytes);
    const fake = join(folder.path, "Faux.pdf");
    writeFileSync(fake, "Ceci n'est pas un PDF.");
    const session = await openApp();
    const { page } = session;
    await page.locator("#load-demo").click();
    await page.locator("main a", { hasText: TITLE }).click();
    const block = page.locator("section.po-progress-block").nth(1);
    await block.locator("button[id$='-open']").click();
    const form = block.locator("form.po-report-form");
    await form.getByLabel("Achevé").check({ force: true });

    await script(session.laptop, { files: [fake] });
    await form.getByRole("button", { name: "Joindre un fichier" }).click();
    await expect.poll(() => form.locator(".fr-error-text").allTextContents()).toEqual([
        expect.stringContaining("Le contenu de ce fichier ne correspond pas à son extension")
    ]);
    await script(session.laptop, { files: [pdf] });
    await form.getByRole("button", { name: "Joindre un fichier" }).click();
    await expect.poll(() => form.locator(".po-files-list li").allTextContents()).toEqual([
        expect.stringContaining("Schéma des déclarations.pdf (39 Ko)")
    ]);
    await form.getByRole("button", { name: "Enregistrer le rapport" }).click();
    const entry = block.locator(".po-timeline__entry").first();
    await entry.waitFor();
    await entry.getByRole("button", { name: "Schéma des déclarations.pdf" }).click();
    await expect.poll(() => opened(session.laptop)).toHaveLength(1);
    const path = (await opened(session.laptop))[0] ?? "";
    expect(path.endsWith("Schéma des déclarations.pdf")).toBe(true);
    expect(readFileSync(path).equals(bytes), "the file opened is the one attached").toBe(true);
    await expectAccessible(page, "a report with a file");
    expectNoProblems(session);
    await session.close();
    folder.remove();
});
