/**
 * A reporting round: the coordination opens one from the plan's dashboard (a due date before the
 * opening is refused under its field), sees per institution what is reported, late or to do, each
 * item leading to where it is reported, and exports the contacts to remind as CSV.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { laptop, script, temporaryFolder } from "./core";
import { expectAccessible, expectNoProblems, openApp, screenshots, startBrowser, stopBrowser } from "./harness";

beforeAll(startBrowser);
afterAll(stopBrowser);

const TITLE = "Publier en données ouvertes les déclarations des responsables publics";

test("a round is opened, followed per institution, reported on, and its contacts exported", async () => {
    const folder = temporaryFolder();
    const session = await openApp();
    const { page } = session;
    await page.locator("#load-demo").click();
    await page.locator("main a", { hasText: TITLE }).waitFor();
    // The HATVP's commitment has a contact to remind.
    const backend = laptop(session.laptop);
    const plan = (await backend.listPlans())[0]!;
    const overview = await backend.planOverview(plan.id, { query: "", institutionId: null });
    const commitment = overview.areas.flatMap(a => a.commitments).find(c => c.title === TITLE)!;
    await backend.editCommitment(commitment.id, { field: "contactEmail", value: "contact@hatvp.fr" });
    await backend.editCommitment(commitment.id, { field: "contactName", value: "Alex Durand" });

    await page.locator("#plan-dashboard, a[href$='/tableau-de-bord']").first().click();
    await page.locator("#round-open").click();
    await page.locator("#round-dueOn").fill("01/01/2000");
    await page.locator("#round-submit").click();
    await expect.poll(() => page.locator("form .fr-message--error, form .fr-error-text").allTextContents()).toEqual([
        expect.stringContaining("postérieure ou égale à la date de début")
    ]);
    await page.locator("#round-dueOn").fill("31/12/2099");
    await page.locator("#round-instructions").fill("Merci de rendre compte de chaque jalon avant la fin de l'année.");
    await page.locator("#round-submit").click();
    await page.locator("h1", { hasText: "Rapport à mi-parcours" }).waitFor();
    const summary = () => page.locator("#round-summary").textContent();
    await expect.poll(summary).toMatch(/0 rendu, 0 en retard, \d+ à faire\./);
    const hatvp = page.locator("#round-institutions tr", { hasText: "HATVP" });
    expect(await hatvp.textContent()).toContain("À faire");
    await expectAccessible(page, "a reporting round");
    await screenshots(page, "round");

    // The HATVP reports on its first milestone, from the round's link.
    const roundHash = await page.evaluate(() => location.hash);
    await hatvp.getByRole("link", { name: /2\.1\.1/ }).click();
    const block = page.locator("section.po-progress-block").nth(1);
    await block.locator("button[id$='-open']").click();
    await block.getByLabel("Substantiel").check({ force: true });
    await block.getByRole("button", { name: "Enregistrer le rapport" }).click();
    await page.locator("#progress-saved").waitFor();
    await page.evaluate(hash => (location.hash = hash), roundHash);
    await page.locator("#round-summary").waitFor();
    await expect.poll(summary).toMatch(/^ ?1 rendu, 0 en retard/);

    // « À faire » lists the round with what is still expected.
    await page.evaluate(() => (location.hash = "#/a-faire"));
    const due = page.locator("#todo-rounds li", { hasText: "Rapport à mi-parcours" });
    await expect.poll(() => due.textContent()).toMatch(/0 en retard, \d+ à faire/);
    await page.evaluate(hash => (location.hash = hash), roundHash);
    await page.locator("#round-summary").waitFor();

    const csv = join(folder.path, "relances.csv");
    await script(session.laptop, { files: [csv] });
    await page.locator("#round-export-contacts").click();
    await page.locator("#round-exported").waitFor();
    const text = readFileSync(csv, "utf8");
    expect(text.split("\r\n")[0]).toBe("Institution,Engagement,Contact,Adresse électronique,En retard,À faire");
    expect(text).toContain("Haute Autorité pour la transparence de la vie publique,2.1,Alex Durand,contact@hatvp.fr,0,");
    expectNoProblems(session);
    await session.close();
    folder.remove();
});
