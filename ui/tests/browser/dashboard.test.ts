/**
 * Following the plan at a glance: on the demonstration plan, an institution reports a milestone
 * complete; the plan's dashboard then shows the figures the core rolls up (plan, areas,
 * institutions, milestones by status), each chart with its data as a table, the late milestones
 * and the latest report with links, a chart saved as a PNG image, and reads in both colour
 * schemes. The « À faire » list shows what is late, by due date, and leads to the milestone to
 * report on.
 */
import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { script, temporaryFolder } from "./core";
import { expectAccessible, expectNoProblems, openApp, SCREENSHOTS, screenshots, startBrowser, stopBrowser } from "./harness";

beforeAll(startBrowser);
afterAll(stopBrowser);

const HATVP_COMMITMENT = "Publier en données ouvertes les déclarations des responsables publics";
const PLAN = "France — Plan d'action national 2021-2023";

const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? "").replace(/\s+/g, " ").trim();

/** A table's body rows, each a list of its cells' texts. */
async function rows(page: Page, table: string): Promise<string[][]> {
    return page.locator(`${table} tbody tr`).evaluateAll(trs =>
        trs.map(tr => [...tr.querySelectorAll("th, td")].map(cell => (cell.textContent ?? "").replace(/\s+/g, " ").trim()))
    );
}

/** A count as French writes it (thousands apart), with the spaces `text` reads. */
const frenchCount = (n: number) => new Intl.NumberFormat("fr-FR").format(n).replace(/\s/g, " ");

/** Days from `from` (YYYY-MM-DD) to the day written `dd/mm/yyyy`. */
function daysBetween(from: string, written: string): number {
    const [d, m, y] = written.split("/").map(Number);
    return Math.round((Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** WCAG's contrast ratio of two CSS colours `rgb(r, g, b)`. */
function contrast(a: string, b: string): number {
    const luminance = (color: string) => {
        const [r = 0, g = 0, bl = 0] = (color.match(/\d+(\.\d+)?/g) ?? []).map(Number).map(v => {
            const c = v / 255;
            return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
    };
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

/** The chart's texts stand out from the page's background, whatever the theme. */
async function expectChartsReadable(page: Page, scheme: string) {
    const colours = await page.evaluate(() => {
        const background = getComputedStyle(document.body).backgroundColor;
        return [...document.querySelectorAll(".po-chart text")].map(t => [getComputedStyle(t).fill, background]);
    });
    expect(colours.length).toBeGreaterThan(0);
    for (const [fill, background] of colours) {
        expect(contrast(fill ?? "", background ?? ""), `${scheme}: ${fill} on ${background}`).toBeGreaterThanOrEqual(4.5);
    }
}

test("the dashboard shows the plan's figures, charts with their data, what is late, and the À faire list leads to it", async () => {
    const session = await openApp();
    const { page, laptop } = session;
    await page.locator("#load-demo").click();

    // The HATVP reports its first milestone complete.
    await page.locator("main a", { hasText: HATVP_COMMITMENT }).click();
    const milestoneBlock = page.locator("section.po-progress-block").nth(1);
    await milestoneBlock.locator("button[id$='-open']").click();
    const form = milestoneBlock.locator("form.po-report-form");
    await form.locator("[id$='-reportedOn']").first().fill("15/06/2022");
    await form.getByLabel("Achevé").check({ force: true });
    await form.getByRole("button", { name: "Enregistrer le rapport" }).click();
    await page.locator("#progress-saved").waitFor();

    // From the overview's head to the dashboard.
    await page.getByRole("link", { name: PLAN }).first().click();
    await page.locator("#plan-dashboard").click();
    await page.locator("main h1", { hasText: "Tableau de bord" }).waitFor();
    const asOf = (await text(page, "#dashboard-as-of")).match(/(\d{2}\/\d{2}\/\d{4})/)?.[1] ?? "";
    expect(asOf, "the day of the figures").not.toBe("");

    // 8 commitments; the HATVP's is (1 + 0) / 2 = 50 %, the others 0 %: the plan 50 / 8 → 6 %.
    // 8 milestones, 1 complete: the 7 others are past their due date (the plan ended in 2023).
    const figures = async () => ({
        progress: await text(page, "#figure-progress .po-figure__value"),
        commitments: await text(page, "#figure-commitments .po-figure__value"),
        milestones: await text(page, "#figure-milestones .po-figure__value"),
        overdue: await text(page, "#figure-overdue .po-figure__value"),
        dueSoon: await text(page, "#figure-due-soon .po-figure__value")
    });
    expect(await figures()).toEqual({ progress: "6 %", commitments: "8", milestones: "8", overdue: "7", dueSoon: "0" });

    // Each chart is an image with a name, and its data a real table behind « Voir les données ».
    expect(await page.locator("#chart-areas-chart").getAttribute("role")).toBe("img");
    expect(await page.locator("#chart-areas-data").isHidden()).toBe(true);
    for (const chart of ["areas", "institutions", "statuses"]) {
        const toggle = page.locator(`#chart-${chart}-data-toggle`);
        await toggle.click();
        expect(await toggle.getAttribute("aria-expanded")).toBe("true");
        expect(await toggle.textContent()).toBe("Masquer les données");
    }
    expect(await rows(page, "#chart-areas-table")).toEqual([
        ["1. Associer les citoyens à l'élaboration des politiques publiques", "2", "0 %"],
        // (50 + 0) / 2.
        ["2. Renforcer la transparence de l'action publique", "2", "25 %"],
        ["3. Construire une société numérique plus inclusive", "1", "0 %"],
        ["4. Accélérer la transition écologique", "1", "0 %"],
        ["5. Répondre à la crise sanitaire", "1", "0 %"],
        ["6. Promouvoir les valeurs d'ouverture en Europe et à l'international", "1", "0 %"]
    ]);
    const institutions = await rows(page, "#chart-institutions-table");
    expect(institutions.map(r => r[0])).toEqual([
        "Assemblée nationale",
        "Commission nationale de l'informatique et des libertés (CNIL)",
        "Cour de cassation",
        "Direction interministérielle de la transformation publique (DITP)",
        "Haute Autorité pour la transparence de la vie publique (HATVP)",
        "Ministère de l'Europe et des Affaires étrangères (MEAE)",
        "Ministère de la Transition écologique (MTE)",
        "Ministère des Solidarités et de la Santé (MSS)"
    ]);
    expect(institutions[4]).toEqual(["Haute Autorité pour la transparence de la vie publique (HATVP)", "1", "50 %", "1"]);
    expect(institutions[6]).toEqual(["Ministère de la Transition écologique (MTE)", "1", "0 %", "3"]);
    expect(await rows(page, "#chart-statuses-table")).toEqual([
        ["Aucun rapport", "7"],
        ["Non commencé", "0"],
        ["Limité", "0"],
        ["Substantiel", "0"],
        ["Achevé", "1"],
        ["Retiré", "0"]
    ]);
    // The chart says the same figures as its table.
    expect(await page.locator("#chart-areas-chart .po-chart__value").allTextContents()).toEqual(["0 %", "25 %", "0 %", "0 %", "0 %", "0 %"]);

    // The late milestones, the longest late first, each leading to its progress.
    const late = await rows(page, "#dashboard-overdue-table");
    expect(late.map(r => r[0])).toEqual([
        "Jalon 1.1.1 — Ouvrir l'appel à candidatures de la première promotion",
        "Jalon 1.1.2 — Réunir le jury citoyen et publier la liste des lauréats",
        "Jalon 4.1.1 — Recenser les jeux de données environnementales prioritaires",
        "Jalon 2.2.1 — Publier les décisions rendues depuis l'ouverture du service",
        "Jalon 2.1.2 — Mettre en ligne le jeu de données et sa documentation",
        "Jalon 4.1.2 — Ouvrir les jeux de données recensés",
        "Jalon 4.1.3 — Organiser un défi de réutilisation avec la société civile"
    ]);
    const lateDays = daysBetween("2022-03-31", asOf);
    expect(late[0]).toEqual([
        "Jalon 1.1.1 — Ouvrir l'appel à candidatures de la première promotion",
        "1.1 Lancer un accélérateur d'initiatives citoyennes",
        "DITP",
        "31/03/2022",
        `${frenchCount(lateDays)} jours`,
        "Aucun rapport"
    ]);
    const firstLate = page.locator("#dashboard-overdue-table a").first();
    expect(await firstLate.getAttribute("href")).toMatch(/^#\/commitments\/[^/]+\/avancement\/[^/]+$/);
    expect(await text(page, "#dashboard-due-soon")).toContain("Aucun jalon à échéance dans les 30 jours.");

    // The latest report, signed, leading to its milestone.
    const recent = await rows(page, "#dashboard-recent-table");
    expect(recent).toEqual([
        [
            "15/06/2022",
            "Achevé",
            "Jalon 2.1.1 — Publier le schéma de données des déclarations",
            `2.1 ${HATVP_COMMITMENT}`,
            "Personne de démonstration HATVP"
        ]
    ]);

    // The rule of the figures and of what is late, as the core words them.
    await page.getByRole("button", { name: "Comment ces chiffres sont calculés" }).click();
    expect(await text(page, "#dashboard-due-rule")).toContain("dans les 30 jours qui viennent");

    await expectChartsReadable(page, "light");
    await expectAccessible(page, "the dashboard with its data tables (light)");
    await page.locator("#chart-areas-data-toggle").click();
    await screenshots(page, "60-dashboard");

    // A chart saved as an image: drawn in the page, written where the person chooses.
    const folder = temporaryFolder();
    const file = join(folder.path, "axes.png");
    await script(laptop, { files: [file] });
    await page.locator("#chart-areas-image").click();
    await page.locator("#chart-areas-image-saved").waitFor();
    expect(await text(page, "#chart-areas-image-saved")).toContain(`Image enregistrée : ${file}`);
    const png = readFileSync(file);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // Twice the drawing's width (760) with its margins (2 × 24): sharp on a slide.
    expect(png.readUInt32BE(16)).toBe(2 * (760 + 48));
    copyFileSync(file, join(SCREENSHOTS, "61-dashboard-chart-areas.png"));
    folder.remove();
    expectNoProblems(session);
    const dashboardHash = new URL(page.url()).hash;

    // The dark theme: the same screen reads.
    const dark = await openApp({ laptop, colorScheme: "dark", path: dashboardHash });
    await dark.page.locator("#chart-institutions-data-toggle").click();
    expect(await dark.page.locator("html").getAttribute("data-fr-theme")).toBe("dark");
    // The pointer off the button (DSFR's hover colour is not what is checked here).
    await dark.page.mouse.move(0, 0);
    await expectChartsReadable(dark.page, "dark");
    await expectAccessible(dark.page, "the dashboard with a data table (dark)");
    await screenshots(dark.page, "62-dashboard-dark");
    // In English, the same screen in the translation.
    await dark.page.locator("#lang-en").click();
    await dark.page.locator("main h1", { hasText: "Dashboard" }).waitFor();
    expect(await text(dark.page, "#chart-institutions-title")).toBe("Progress by lead institution");
    expect(await text(dark.page, "#figure-due-soon .po-figure__label")).toBe("Milestones due within 30 days");
    await dark.page.locator("#lang-fr").click();
    await dark.page.locator("main h1", { hasText: "Tableau de bord" }).waitFor();
    expectNoProblems(dark);
    await dark.close();

    // « À faire », from the header: nobody is signed in, so every commitment's, by due date.
    await page.locator("#nav-todo").click();
    await page.locator("main h1", { hasText: "À faire" }).waitFor();
    expect(await text(page, "#todo-scope")).toContain("de tous les engagements : personne n'est connecté");
    expect(await text(page, "#todo-overdue-title")).toBe("En retard : 7 jalons");
    const items = page.locator("#todo-overdue li.po-todo__item");
    expect(await items.count()).toBe(7);
    expect(await text(page, "#todo-overdue li.po-todo__item")).toContain(`En retard de ${frenchCount(lateDays)} jours`);
    expect(await page.locator("#todo-overdue .po-todo__link").allTextContents()).toEqual(late.map(r => r[0]));
    expect(await items.first().getAttribute("data-key")).toMatch(/^overdue\/[0-9a-f-]{36}\/2022-03-31$/);
    await expectAccessible(page, "the À faire list");
    await screenshots(page, "63-todo");

    // The home screen says it too.
    await page.locator("#nav-plans").click();
    expect(await text(page, "#todo-summary")).toContain("7 jalons en retard et 0 jalon à échéance dans les 30 jours.");
    await screenshots(page, "64-home-todo");
    await page.locator("#todo-summary-link").click();

    // An item leads to its milestone's progress on the commitment screen, to report on it.
    await page.locator("#todo-overdue .po-todo__link").first().click();
    await page.locator("main h1", { hasText: "Lancer un accélérateur d'initiatives citoyennes" }).waitFor();
    await expect
        .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ""))
        .toContain("Jalon 1.1.1 — Ouvrir l'appel à candidatures de la première promotion");
    await screenshots(page, "65-todo-to-milestone");
    expectNoProblems(session);
    await session.close();
});
