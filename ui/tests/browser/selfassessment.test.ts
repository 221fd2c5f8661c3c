/**
 * The self-assessment report on the plan's overview, on the real core: the demonstration plan
 * with reports signed on this laptop (one on a milestone in April 2022 with a PDF attached, one
 * on the commitment in June 2022), exported mid-term as of 1 May 2022 then end-of-term as of
 * today; a day to come is refused under its field before any dialog opens; a cancelled dialog
 * says nothing. The file written is read back, then opened in Chromium and photographed.
 *
 * The save dialogs are answered through the bridge (`script`). Every text asserted in the file is
 * the core's.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { laptop, script } from "./core";
import { browserAndFolder, expectAccessible, expectNoProblems, openApp, screenshots } from "./harness";

const files = browserAndFolder();

const PLAN = "France — Plan d'action national 2021-2023";

const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? "").replace(/\s+/g, " ").trim();

const iso = (date: Date) =>
    `${String(date.getFullYear())}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
const typed = (isoDate: string) => isoDate.split("-").reverse().join("/");

/** The demonstration plan's first commitment reported on: its first milestone in April 2022 (a PDF attached), itself in June 2022. */
async function report(session: string) {
    const backend = laptop(session);
    const plan = (await backend.listPlans()).find(p => p.title === PLAN);
    if (plan === undefined) throw new Error("the demonstration plan");
    const overview = await backend.planOverview(plan.id, { query: "", institutionId: null });
    const commitment = overview.areas[0]?.commitments[0];
    if (commitment === undefined) throw new Error("a commitment");
    const milestone = (await backend.getCommitment(commitment.id)).milestones[0];
    if (milestone === undefined) throw new Error("a milestone");
    const pdf = join(files.path, "Compte rendu du jury.pdf");
    writeFileSync(pdf, Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(40_000, 7)]));
    await script(session, { files: [pdf] });
    const file = await backend.attachEvidenceFile();
    const blank = { difficulties: "", nextSteps: "", results: "", openedGovernment: null, links: [], files: [], corrects: null };
    await backend.reportProgress({
        ...blank,
        commitmentId: commitment.id,
        milestoneId: milestone.id,
        reportedOn: "2022-04-15",
        status: "complete",
        done: "Appel ouvert : 187 candidatures <script>alert(1)</script>",
        links: [{ title: "Liste des lauréats", url: "https://www.modernisation.gouv.fr/laureats" }],
        files: file === null ? [] : [file]
    });
    await backend.reportProgress({
        ...blank,
        commitmentId: commitment.id,
        milestoneId: null,
        reportedOn: "2022-06-30",
        status: "substantial",
        done: "Première promotion accompagnée.",
        results: "Neuf lauréats accompagnés sur cent quatre-vingt-sept candidatures.",
        openedGovernment: "major"
    });
    return { plan, commitment };
}

test("the self-assessment report is exported as of a day, mid-term or end-of-term, with what was reported until then", async () => {
    const session = await openApp();
    const { page } = session;
    await page.locator("#load-demo").click();
    await page.locator("main h1", { hasText: PLAN }).waitFor();
    const { commitment } = await report(session.laptop);

    const section = page.locator("#self-assessment");
    await section.scrollIntoViewIfNeeded();
    expect(await text(page, "#self-assessment-title")).toBe("Rapport d'autoévaluation");
    expect(await section.getByLabel("Mi-parcours").isChecked()).toBe(true);
    expect(await page.locator("#self-assessment-as-of").inputValue()).toBe(typed(iso(new Date())));
    await expectAccessible(page, "the overview's self-assessment report");

    // Mid-term, as of 1 May 2022: the milestone's report counts, the commitment's June account does not.
    await page.locator("#self-assessment-as-of").fill("01/05/2022");
    const midTerm = join(files.path, "Autoévaluation mi-parcours.html");
    await script(session.laptop, { files: [midTerm] });
    await page.locator("#self-assessment-export").click();
    await expect.poll(() => text(page, "#self-assessment-result")).toContain(`Rapport d'autoévaluation exporté : ${midTerm}`);
    const html = readFileSync(midTerm, "utf8");
    expect(html).toContain("<h1>Rapport d'autoévaluation à mi-parcours</h1>");
    expect(html).toContain(`<p class="subtitle">${PLAN}</p>`);
    expect(html).toContain("Situation au <strong>01/05/2022</strong>");
    expect(html).toContain(`<span class="number">Engagement ${commitment.number}</span>`);
    expect(html).toContain("Appel ouvert : 187 candidatures &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html.toLowerCase()).not.toContain("<script");
    expect(html).toContain("Compte rendu du jury.pdf — 39 Ko");
    expect(html).toContain('<a href="https://www.modernisation.gouv.fr/laureats">');
    expect(html).toContain("Signé par Personne de démonstration");
    expect(html).toContain("Déduit de l'avancement de ses jalons");
    expect(html).not.toContain("Neuf lauréats");
    expect(html).toContain("À compléter");
    await section.scrollIntoViewIfNeeded();
    await screenshots(page, "67-self-assessment");

    // End of term, as of today: the commitment's own account gives its level, results and opening.
    await section.getByLabel("Fin de parcours").check({ force: true });
    await page.locator("#self-assessment-as-of").fill(typed(iso(new Date())));
    const endOfTerm = join(files.path, "Autoévaluation fin de parcours.html");
    await script(session.laptop, { files: [endOfTerm] });
    await page.locator("#self-assessment-export").click();
    await expect.poll(() => text(page, "#self-assessment-result")).toContain(endOfTerm);
    const end = readFileSync(endOfTerm, "utf8");
    expect(end).toContain("<h1>Rapport d'autoévaluation de fin de parcours</h1>");
    expect(end).toContain("Neuf lauréats accompagnés sur cent quatre-vingt-sept candidatures.");
    expect(end).toContain("État déclaré dans le compte rendu de l'engagement du 30/06/2022.");
    expect(end).toContain("Majeur");

    // The document as a ministry receives it: opened in Chromium, photographed.
    const viewer = await page.context().newPage();
    await viewer.goto(pathToFileURL(endOfTerm).href);
    await viewer.locator("h1").waitFor();
    expect(await viewer.evaluate(() => document.fonts.check("700 16px Marianne"))).toBe(true);
    await viewer.locator(`#commitment-${commitment.id}`).scrollIntoViewIfNeeded();
    await screenshots(viewer, "68-self-assessment-document");
    await viewer.close();

    // A day to come is refused under its field before any dialog opens: the answer prepared for
    // a dialog stays for the next export, which takes it.
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    const next = join(files.path, "Export suivant.html");
    await script(session.laptop, { files: [next] });
    await page.locator("#self-assessment-as-of").fill(typed(iso(tomorrow)));
    await page.locator("#self-assessment-export").click();
    await expect.poll(() => text(page, "#self-assessment .fr-message--error")).toContain("sa date ne peut pas être postérieure à aujourd'hui");
    expect(await page.locator("#self-assessment-result").count()).toBe(0);
    expect(await section.locator(".fr-alert--error").count()).toBe(0);
    expect(existsSync(next)).toBe(false);
    await expectAccessible(page, "a self-assessment day refused");
    await page.locator("#self-assessment-as-of").fill("01/05/2022");
    await page.locator("#self-assessment-export").click();
    await expect.poll(() => text(page, "#self-assessment-result")).toContain(next);
    expect(await section.locator(".fr-message--error").count()).toBe(0);

    // A cancelled dialog says nothing.
    await script(session.laptop, { files: [null] });
    await page.locator("#self-assessment-export").click();
    await page.locator("#self-assessment-result").waitFor({ state: "detached" });
    await page.waitForTimeout(300);
    expect(await page.locator("#self-assessment-result").count()).toBe(0);
    expect(await section.locator(".fr-alert").count()).toBe(0);

    // In English, the report and its name follow the interface's language.
    await page.locator("#lang-en").click();
    await section.getByRole("heading", { name: "Self-assessment report" }).waitFor();
    const english = join(files.path, "Mid-term self-assessment.html");
    await section.getByLabel("Mid-term").check({ force: true });
    await script(session.laptop, { files: [english] });
    await page.locator("#self-assessment-export").click();
    await expect.poll(() => text(page, "#self-assessment-result")).toContain(`Self-assessment report exported: ${english}`);
    expect(readFileSync(english, "utf8")).toContain("<h1>Mid-term self-assessment report</h1>");
    expectNoProblems(session);
    await session.close();
});
