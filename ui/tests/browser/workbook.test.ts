/**
 * The progress workbook on the plan's overview, on the real core: the coordination exports the
 * HATVP's workbook, the HATVP fills it in (cells typed into the file), the workbook is read back
 * ("N rapports seront enregistrés", who signs), imported (the overview's progress follows), read
 * again (nothing new), and a workbook with mistakes lists every problem with its row, column and
 * reason, saving nothing.
 *
 * The file dialogs are answered through the bridge (`script`): where to save the export, which
 * file to read. Every count, problem and message asserted is the core's.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { laptop, script } from "./core";
import { browserAndFolder, expectAccessible, expectNoProblems, openApp, screenshots } from "./harness";
import { fillWorkbook } from "./xlsx";

const files = browserAndFolder();

const HATVP_COMMITMENT = "Publier en données ouvertes les déclarations des responsables publics";

const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? "").replace(/\s+/g, " ").trim();

const daysFromToday = (days: number) => {
    const date = new Date();
    date.setDate(date.getDate() + days);
    return date;
};

/** The rows of the problems table, as cell texts. */
const problemRows = (page: Page) =>
    page.locator("#workbook-problems tbody tr").evaluateAll(rows => rows.map(r => [...r.children].map(c => (c.textContent ?? "").trim())));

test("a lead institution's workbook is exported, filled, previewed, imported once, and mistakes are listed by row and column", async () => {
    const session = await openApp();
    const { page } = session;
    await page.locator("#load-demo").click();
    await page.locator("main h1", { hasText: "France — Plan d'action national 2021-2023" }).waitFor();
    const section = page.locator("#plan-workbook");
    await section.scrollIntoViewIfNeeded();
    expect(await text(page, "#plan-workbook-title")).toBe("Suivre l'avancement par classeur");

    // Only the institutions that carry a commitment of the plan are offered.
    const options = await page.locator("#workbook-institution option").allTextContents();
    expect(options[0]).toBe("Toutes les institutions porteuses");
    expect(options).toContain("Haute Autorité pour la transparence de la vie publique (HATVP)");
    await page.locator("#workbook-institution").selectOption({ label: "Haute Autorité pour la transparence de la vie publique (HATVP)" });

    const exported = join(files.path, "Suivi — HATVP.xlsx");
    await script(session.laptop, { files: [exported] });
    await page.locator("#workbook-export").click();
    await expect.poll(() => text(page, "#workbook-exported")).toContain(`Classeur de suivi exporté : ${exported}`);

    // The HATVP fills in its account of the commitment (row 2) and its first milestone (row 3).
    const lastWeek = daysFromToday(-7);
    const filled = join(files.path, "Suivi — HATVP — rempli.xlsx");
    writeFileSync(
        filled,
        fillWorkbook(readFileSync(exported), {
            H2: { date: lastWeek },
            I2: "Limité",
            J2: "Le schéma est publié ; le jeu de données suit.",
            H3: { date: lastWeek },
            I3: "Achevé",
            J3: "Le schéma des déclarations est en ligne.",
            M3: "Schéma des déclarations — https://www.hatvp.fr/schema"
        })
    );
    await script(session.laptop, { files: [filled] });
    await page.locator("#workbook-read").click();
    await page.locator("#workbook-preview").waitFor();
    expect(await text(page, "#workbook-preview-title")).toBe("Ce que contient « Suivi — HATVP — rempli.xlsx »");
    expect(await text(page, "#workbook-preview")).toContain("Institution porteuse : Haute Autorité pour la transparence de la vie publique");
    expect(await text(page, "#workbook-will-write")).toBe("2 rapports seront enregistrés.");
    expect(await text(page, "#workbook-preview")).toContain("1 ligne vide est ignorée.");
    expect(await text(page, "#workbook-signature")).toBe("Ils seront signés par Personne de démonstration.");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("workbook-preview-title");
    // The confirmation says what it saves, in words (not an icon alone).
    const confirm = page.locator("#workbook-import");
    expect(await confirm.innerText()).toBe("Enregistrer les 2 rapports");
    expect((await confirm.boundingBox())!.width).toBeGreaterThan(150);
    await expectAccessible(page, "the preview of a filled workbook");
    await screenshots(page, "workbook-preview");

    // Nothing is saved before the confirmation.
    const b = laptop(session.laptop);
    const overview = await b.planOverview((await b.listPlans())[0]!.id, { query: "", institutionId: null });
    const commitment = overview.areas.flatMap(a => a.commitments).find(c => c.title === HATVP_COMMITMENT)!;
    const reports = async () => {
        const p = await b.getCommitmentProgress(commitment.id);
        return p.reports.length + p.milestones.reduce((n, m) => n + m.reports.length, 0);
    };
    expect(await reports()).toBe(0);

    await page.locator("#workbook-import").click();
    await expect.poll(() => text(page, "#workbook-imported p")).toBe("2 rapports d'avancement enregistrés. 1 ligne vide est ignorée.");
    expect(await reports()).toBe(2);
    const progress = await b.getCommitmentProgress(commitment.id);
    expect(progress.milestones[0]!.reports[0]!.authorName).toBe("Personne de démonstration");
    expect(progress.milestones[0]!.reports[0]!.links).toEqual([{ title: "Schéma des déclarations", url: "https://www.hatvp.fr/schema" }]);
    // The overview follows: one of two milestones complete.
    const row = page.locator("li.po-commitment", { hasText: HATVP_COMMITMENT });
    await expect.poll(() => row.locator("[data-testid$='-progress']").textContent()).toBe("Avancement 50 %");

    // The same workbook again: nothing to save.
    await script(session.laptop, { files: [filled] });
    await page.locator("#workbook-read").click();
    await page.locator("#workbook-preview").waitFor();
    expect(await text(page, "#workbook-will-write")).toBe("Aucun rapport à enregistrer.");
    expect(await text(page, "#workbook-preview")).toContain("2 lignes déjà importées sont ignorées.");
    expect(await page.locator("#workbook-import").count()).toBe(0);
    await page.locator("#workbook-cancel").click();
    await expect.poll(() => page.locator("#workbook-preview").count()).toBe(0);

    // A workbook with mistakes: every problem, by row and column, and nothing saved.
    const mistaken = join(files.path, "Suivi — HATVP — erreurs.xlsx");
    writeFileSync(
        mistaken,
        fillWorkbook(readFileSync(exported), {
            H2: { date: daysFromToday(1) },
            I2: "Limité",
            H4: { date: lastWeek },
            I4: "Acheve",
            M4: "Jeu de données — www.hatvp.fr/donnees"
        })
    );
    await script(session.laptop, { files: [mistaken] });
    await page.locator("#workbook-read").click();
    await page.locator("#workbook-problems").waitFor();
    expect(await text(page, "#workbook-problems-alert")).toContain("Le classeur ne peut pas être importé : 3 problèmes.");
    const rows = await problemRows(page);
    expect(rows.map(r => [r[0], r[1]])).toEqual([
        ["2", "H — Date du rapport"],
        ["4", "I — Nouvel état d'avancement"],
        ["4", "M — Preuves (liens)"]
    ]);
    expect(rows[0]![2]).toMatch(/^Un rapport décrit ce qui a été fait : sa date ne peut pas être postérieure à aujourd'hui/);
    expect(rows[1]![2]).toBe("« Acheve » n'est pas un état de la liste : Non commencé, Limité, Substantiel, Achevé, Retiré.");
    expect(rows[2]![2]).toMatch(/^Lien 1 \(adresse\) : Adresse web invalide/);
    expect(await page.locator("#workbook-import").count()).toBe(0);
    expect(await reports()).toBe(2);
    await expectAccessible(page, "the problems of a workbook");
    await screenshots(page, "workbook-problems");

    // A cancelled dialog changes nothing on the screen.
    await script(session.laptop, { files: [null] });
    await page.locator("#workbook-read").click();
    await expect.poll(() => page.locator("#workbook-preview").count()).toBe(0);
    expectNoProblems(session);
    await session.close();
});

test("in English, the workbook's words follow", async () => {
    const session = await openApp();
    const { page } = session;
    await page.locator("#load-demo").click();
    await page.locator("main h1", { hasText: "France — Plan d'action national 2021-2023" }).waitFor();
    await laptop(session.laptop).setLocale("en");
    await page.reload();
    await page.locator("#plan-workbook").waitFor();
    expect(await text(page, "#plan-workbook-title")).toBe("Follow progress with a workbook");
    const exported = join(files.path, "Progress — all.xlsx");
    await script(session.laptop, { files: [exported] });
    await page.locator("#workbook-export").click();
    await expect.poll(() => text(page, "#workbook-exported")).toContain("Progress workbook exported:");
    const xml = readFileSync(exported);
    expect(xml.length).toBeGreaterThan(1000);
    expectNoProblems(session);
    await session.close();
});
