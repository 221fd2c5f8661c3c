/**
 * Open data, on the real core: the import of the OGP commitment database (progress, what it did,
 * values to check; a refused file; a cancelled dialog), the export of a plan, and the origin and
 * IRM assessment of an imported commitment.
 *
 * The file dialogs are answered through the bridge (`script`): the real sample of the OGP
 * database, or a CSV written here from its rows with some cells changed (a broken one, to be
 * refused; one whose row carries an assessment to display). What an export wrote is read back
 * from disk. Every count, warning and message asserted is the core's.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { importEveryPlan, laptop, script } from "./core";
import { browserAndFolder, expectAccessible, expectNoProblems, openApp, screenshots, SCREENSHOTS, type Session } from "./harness";

/** The CSV export's files: the plan's, its progress reports and rounds, and its workshops with their participants and contributions. */
const CSV_FILES = ["commitments.csv", "contributions.csv", "milestones.csv", "participants.csv", "reports.csv", "rounds.csv", "workshops.csv"];
/** The real sample of the OGP commitment database: 405 commitments of 150 action plans. */
const SAMPLE = resolve(import.meta.dirname, "../../../../shared/data/ogp/ogp-commitments-sample.csv");

/** Where the files this test writes go (CSV made from the sample, exports). */
const files = browserAndFolder();

/** A plan of the sample: Croatia's second action plan, seven commitments. */
const IMPORTED_PLAN = "Croatia — Plan d'action 2 (2014-2016)";

const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? "").replace(/\s+/g, " ").trim();
const focusedInside = (page: Page, selector: string) =>
    page.evaluate(s => document.activeElement !== null && document.activeElement.closest(s) !== null, selector);

const planTitles = async (session: Session) => (await laptop(session.laptop).listPlans()).map(p => p.title);
const institutionCount = async (session: Session) => (await laptop(session.laptop).listInstitutions()).length;

/** The counts table as rows of cell texts (the kind, then created, updated, unchanged); the
 * thin spaces that group a number's digits are written as plain spaces. */
const countsTable = (page: Page) =>
    page
        .locator("#import-counts tbody tr")
        .evaluateAll(rows => rows.map(r => [...r.children].map(c => (c.textContent ?? "").replace(/\s/g, " ").trim())));

// --- CSV files made from the sample --------------------------------------------------------

type Row = Record<string, string>;

/** RFC 4180 text into records (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(source: string): string[][] {
    const records: string[][] = [];
    let record: string[] = [];
    let field = "";
    let quoted = false;
    for (let i = 0; i < source.length; i++) {
        const c = source[i]!;
        if (quoted) {
            if (c !== '"') field += c;
            else if (source[i + 1] === '"') {
                field += '"';
                i++;
            } else quoted = false;
        } else if (c === '"') quoted = true;
        else if (c === ",") {
            record.push(field);
            field = "";
        } else if (c === "\r" || c === "\n") {
            if (c === "\r" && source[i + 1] === "\n") i++;
            record.push(field);
            records.push(record);
            record = [];
            field = "";
        } else field += c;
    }
    if (field !== "" || record.length > 0) {
        record.push(field);
        records.push(record);
    }
    return records;
}

const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The sample's header and rows (each row by column name), read from the file itself. */
function readSample(): { header: string[]; rows: Row[] } {
    const [header, ...records] = parseCsv(readFileSync(SAMPLE, "utf8"));
    return { header: header!, rows: records.map(values => Object.fromEntries(header!.map((name, k) => [name, values[k] ?? ""]))) };
}

const sample = readSample();

/** The sample's row of a commitment, by its identifier. */
function sampleRow(id: string): Row {
    const row = sample.rows.find(r => r["Commitment Unique Identifier"] === id);
    if (row === undefined) throw new Error(`${id} is not in the sample`);
    return { ...row };
}

/** Writes rows, under the sample's header, as a CSV file of the temporary folder; returns its path. */
function writeCsv(name: string, rows: Row[]): string {
    const path = join(files.path, name);
    const lines = [sample.header, ...rows.map(row => sample.header.map(column => row[column] ?? ""))];
    writeFileSync(path, lines.map(values => values.map(quote).join(",")).join("\r\n") + "\r\n");
    return path;
}

/** Argentina's fourth plan, as the sample has it: two commitments, two dates to check. */
const ARGENTINA_PLAN = "Argentina — Plan d'action 4 (2019-2022)";
const argentinaFile = () => writeCsv("argentina.csv", ["AR0094", "AR0096"].map(sampleRow));

/** The sample's first six rows (spreadsheet rows 2 to 7). */
const FIRST_SIX = sample.rows.slice(0, 6);

/** The first six rows, with no identifier on row 3 and a year typed with a letter O on row 7. */
const brokenFile = () =>
    writeCsv("broken.csv", [
        ...FIRST_SIX.slice(0, 1),
        { ...FIRST_SIX[1]!, "Commitment Unique Identifier": "" },
        ...FIRST_SIX.slice(2, 5),
        { ...FIRST_SIX[5]!, "Year Of Submission": "2O21" }
    ]);

// --- Import --------------------------------------------------------------------------------

/** The import screen, from the home screen's button. */
async function openImport(options: { colorScheme?: "light" | "dark"; demo?: boolean } = {}): Promise<Session> {
    const session = await openApp({ colorScheme: options.colorScheme });
    const { page } = session;
    if (options.demo) {
        await page.locator("#load-demo").click();
        await page.locator("main h1", { hasText: "France — Plan d'action national 2021-2023" }).waitFor();
        await page.locator("#nav-plans").click();
        await page.locator("main h1", { hasText: "Plans d'action" }).waitFor();
    }
    await page.locator("#import-ogp").click();
    await page.locator("main h1", { hasText: "Importer la base des engagements du PGO" }).waitFor();
    return session;
}

/** Reads the file prepared with `script`, then imports the plans chosen: France's (chosen
 * beforehand), plus those a search for `also` shows, ticked as a person would. */
async function readAndImport(page: Page, options: { also?: string; all?: boolean } = {}) {
    await page.locator("#import-start").click();
    await page.locator("#import-choice").waitFor({ timeout: 30_000 });
    if (options.all) await page.locator("#import-choose-shown").click();
    if (options.also !== undefined) {
        await page.locator("#import-choice-search").fill(options.also);
        await page.locator("#import-choose-shown").click();
        await page.locator("#import-choice-search").fill("");
    }
    await page.locator("#import-will-send").waitFor({ timeout: 30_000 });
    await page.locator("#import-confirm").click();
    await page.locator("#import-summary").waitFor({ timeout: 30_000 });
}

const countries = new Set(sample.rows.map(r => r["Country/Locality"])).size;

describe("Import de la base des engagements du PGO", () => {
    test("the file is read with progress and shown; the person chooses the plans, sees what will be sent, imports; again, nothing is duplicated", async () => {
        const session = await openImport();
        const { page } = session;
        // Reached from the home screen's button; the header's item says where we are.
        expect(await page.locator("#nav-import").getAttribute("aria-current")).toBe("page");
        await page.getByText("Tout ou rien", { exact: false }).waitFor();
        await page.getByText("rien n'est jamais créé en double", { exact: false }).waitFor();
        await page.getByText("Les dates ne sont jamais devinées", { exact: false }).waitFor();
        expect(await page.locator("#import-summary, #import-choice").count()).toBe(0);
        await expectAccessible(page, "import screen");
        await screenshots(page, "60-import");

        // The person picks the real sample; each progress report stays on screen a moment.
        await script(session.laptop, { files: [SAMPLE], progressDelayMs: 120 });
        await page.locator("#import-start").click();
        const progress = page.locator("progress#import-progress");
        await progress.waitFor();
        expect(await page.locator("#import-start").getAttribute("aria-disabled")).toBe("true");
        expect(await text(page, "#import-start")).toBe("Import en cours…");
        expect(await page.locator("#import-status").getAttribute("role")).toBe("status");
        const reading = () =>
            page.evaluate(() => `${(document.getElementById("import-status")?.textContent ?? "").replace(/\s+/g, " ")} | max ${document.getElementById("import-progress")?.getAttribute("max")}`);
        await expect.poll(reading, { timeout: 10_000 }).toMatch(/^Lecture du fichier… [1-9][\d ]* \/ 405 lignes \| max 405$/);
        expect(await page.getByLabel("Avancement de l'import").count()).toBe(1);
        await expectAccessible(page, "import running");
        await page.screenshot({ path: `${SCREENSHOTS}/61-import-progress-1280x800.png` });

        // What the file holds, before anything is written: France's plan chosen, the others not.
        await page.locator("#import-choice").waitFor({ timeout: 30_000 });
        await expect.poll(() => focusedInside(page, "#import-choice")).toBe(true);
        expect(await text(page, "#import-choice-intro")).toBe(`405 engagements, 150 plans d'action, ${countries} pays. Rien n'est encore enregistré.`);
        expect(await page.locator("#import-plan-AP_FRA01").isChecked()).toBe(true);
        expect(await page.locator("#import-plan-AP_HRV02").isChecked()).toBe(false);
        expect(await planTitles(session)).toEqual([]);
        // What will be sent is said before importing.
        await expect.poll(() => text(page, "#import-will-send")).toMatch(/^[1-9][\d ]* modifications seront envoyées au serveur à la prochaine synchronisation\.$/);
        expect(await page.locator("#import-will-keep").count()).toBe(0);
        expect(await text(page, "#import-confirm")).toBe("Importer le plan choisi");
        // Its words are shown, not only its icon.
        expect((await page.locator("#import-confirm").boundingBox())!.width).toBeGreaterThan(150);
        await expectAccessible(page, "import choice");
        await screenshots(page, "61-import-choice");

        // A search finds Croatia's three plans; ticked, they will stay on this laptop.
        await page.locator("#import-choice-search").fill("croatia");
        expect(await page.locator("#import-choice-plans input[type=checkbox]").count()).toBe(3);
        await page.locator("#import-choose-shown").click();
        await expect.poll(() => text(page, "#import-will-keep")).toMatch(/^[1-9][\d ]* enregistrements resteront sur ce poste seulement \(bibliothèque de référence\)\.$/);
        expect(await text(page, "#import-confirm")).toBe("Importer les 4 plans choisis");
        await page.locator("#import-choice-search").fill("");
        await page.locator("#import-confirm").click();

        // The summary, with the focus on it.
        await page.locator("#import-summary").waitFor({ timeout: 30_000 });
        await expect.poll(() => focusedInside(page, "#import-summary")).toBe(true);
        expect(await progress.count()).toBe(0);
        expect(await text(page, "#import-status")).toBe("Import terminé. 405 lignes lues ; les données sont enregistrées sur ce poste.");
        expect(await text(page, "#import-sent")).toMatch(/^[1-9][\d ]* modifications attendent d'être envoyées au serveur\.$/);
        expect(await text(page, "#import-kept")).toMatch(/^[1-9][\d ]* enregistrements restent sur ce poste, en consultation seule\.$/);
        expect(await page.locator("#import-counts thead th").allTextContents()).toEqual(["Données", "Créés", "Mis à jour", "Inchangés"]);
        const counts = await countsTable(page);
        expect(counts[0]).toEqual(["Plans d'action", "4", "0", "0"]);
        expect(counts[3]).toEqual(["Engagements", "16", "0", "0"]);
        await expectAccessible(page, "import summary");
        await screenshots(page, "62-import-summary");

        // Reading and importing the same plans again changes nothing.
        await script(session.laptop, { files: [SAMPLE], progressDelayMs: 0 });
        await page.locator("#import-start").click();
        await page.locator("#import-choice").waitFor({ timeout: 30_000 });
        expect(await page.locator("#import-choice-plans tr", { has: page.locator("#import-plan-AP_FRA01") }).getByText("Déjà importé").count()).toBe(1);
        await page.locator("#import-choice-search").fill("croatia");
        await page.locator("#import-choose-shown").click();
        await expect.poll(() => text(page, "#import-will-send")).toBe("Aucune modification ne sera envoyée au serveur.");
        await page.locator("#import-confirm").click();
        await expect.poll(() => countsTable(page), { timeout: 30_000 }).toContainEqual(["Plans d'action", "0", "0", "4"]);
        const titles = await planTitles(session);
        expect(titles).toHaveLength(4);
        expect(titles).toContain(IMPORTED_PLAN);

        // Croatia's plan is a reference: read-only, said before anyone types.
        await page.locator("#import-plans-link").click();
        await page.locator("main h1", { hasText: "Plans d'action" }).waitFor();
        // Its card says it is the library's, and gives its period in years, as the database does.
        const card = page.locator("li", { has: page.getByRole("link", { name: IMPORTED_PLAN }) });
        await card.getByText("Bibliothèque, consultation seule").waitFor();
        await card.getByText("2014 – 2016").waitFor();
        await page.getByRole("link", { name: IMPORTED_PLAN }).click();
        await page.locator("main h1", { hasText: IMPORTED_PLAN }).waitFor();
        await page.getByTestId("read-only").getByText("Plan de Croatia gardé comme référence sur ce poste", { exact: false }).waitFor();
        // It can be shared, after being told what that sends; until then nothing of it is queued.
        const pendingBefore = (await laptop(session.laptop).getSyncStatus()).pending;
        await page.locator("#library-share-start").click();
        await expect.poll(() => text(page, "#library-share-ask")).toMatch(/^Partager ce plan l'enverra au serveur, avec tout ce qu'il contient : [1-9]\d* modifications à la prochaine synchronisation\./);
        await expectAccessible(page, "library plan, sharing asked");
        await page.locator("#library-share-ask").locator("..").getByRole("button", { name: "Annuler" }).click();
        expect(await page.locator("#library-share-ask").count()).toBe(0);
        expect((await laptop(session.laptop).getSyncStatus()).pending).toBe(pendingBefore);
        await page.getByRole("link", { name: "Improvements of Transparency and Efficiency in Public Administration Work" }).click();
        await page.locator("#commitment-origin").waitFor();
        expect(await text(page, "#origin-ogp-id")).toBe("HR0014");
        await page.getByTestId("read-only").waitFor();
        expect(await page.locator("#commitment-title").isDisabled()).toBe(true);
        expectNoProblems(session);
        await session.close();
    });

    test("an import is undone as a whole, after saying what will be deleted and sent", async () => {
        const session = await openImport();
        const { page } = session;
        await script(session.laptop, { files: [argentinaFile()] });
        await readAndImport(page, { also: "argentina" });
        expect(await planTitles(session)).toEqual([ARGENTINA_PLAN]);
        await page.locator("#import-undo").click();
        await expect.poll(() => text(page, "#import-undo-ask")).toMatch(/^Annuler l'import supprimera [1-9]\d* enregistrements créés et rétablira 0 enregistrement modifié ; 0 modification sera envoyée au serveur\.$/);
        await expectAccessible(page, "import undo asked");
        await page.locator("#import-undo-confirm").click();
        await page.locator("#import-undone").waitFor();
        expect(await text(page, "#import-undone")).toMatch(/^Import annulé : [1-9]\d* enregistrements supprimés, 0 rétabli\.$/);
        expect(await planTitles(session)).toEqual([]);
        expect(await page.locator("#import-past").count()).toBe(0);
        expectNoProblems(session);
        await session.close();
    });

    test("the values to check are grouped by kind, a page at a time, each linked to its commitment", async () => {
        const session = await openImport();
        const { page } = session;
        // Thirty copies of a sample row, each with a start date that reads two ways, in a plan
        // whose dates never tell the order.
        const base = sampleRow("AL0050");
        const rows = Array.from({ length: 30 }, (_, k) => ({
            ...base,
            "Commitment Unique Identifier": `AL09${String(k).padStart(2, "0")}`,
            "Commitment Number": `${k + 1}`,
            "Commitment Title": `Engagement ${k + 1}`,
            "Start Date": `${(k % 12) + 1}/${((k + 5) % 12) + 1}/2019`
        }));
        await script(session.laptop, { files: [writeCsv("thirty.csv", rows)] });
        await page.locator("#import-start").click();
        await page.locator("#import-choice").waitFor();
        expect(await text(page, "#import-choice-plans tbody tr:nth-child(2) td:last-child")).toBe(
            "30 dates ambiguës non lues : aucune autre date du plan ne dit l'ordre jour/mois (texte d'origine conservé, à vérifier)."
        );
        await page.locator("#import-choose-shown").click();
        await page.locator("#import-will-keep").waitFor();
        await page.locator("#import-confirm").click();
        await page.locator("#import-summary").waitFor();
        expect(await text(page, "#import-warnings-title")).toBe("30 points à vérifier");
        expect(await text(page, "#import-warnings-date-title")).toBe("Dates (30)");
        const table = page.locator("#import-warnings-table-date tbody tr");
        expect(await table.count()).toBe(25);
        expect(await page.locator("#import-warnings-table-date thead th").allTextContents()).toEqual(["Ligne", "Identifiant", "Pays", "Colonne", "Message"]);
        expect(await table.first().textContent()).toContain("« 1/6/2019 »");
        await page.locator("#import-warnings-date-more").click();
        expect(await table.count()).toBe(30);
        expect(await page.locator("#import-warnings-date-more").count()).toBe(0);
        // Searched by identifier (or country, column, words of the message).
        await page.locator("#import-warnings-search").fill("AL0905");
        await expect.poll(() => table.count()).toBe(1);
        expect(await text(page, "#import-warnings-date-title")).toBe("Dates (1)");
        await page.locator("#import-warnings-search").fill("rien de tel");
        await page.getByText("Aucun point à vérifier ne correspond.").waitFor();
        await page.locator("#import-warnings-search").fill("");
        await page.locator("#import-warnings-sort").selectOption("country");
        // All thirty still shown (the page asked for stays), in the same country.
        expect(await table.count()).toBe(30);
        await expectAccessible(page, "import summary with many warnings");
        await screenshots(page, "63-import-many-warnings");
        // Each identifier opens its commitment.
        await table.first().getByRole("link", { name: "AL0900" }).click();
        await page.locator("#commitment-origin").waitFor();
        expect(await text(page, "#origin-ogp-id")).toBe("AL0900");
        expectNoProblems(session);
        await session.close();
    });

    test("a refused file: the backend's message, line by line, and nothing was added", async () => {
        const session = await openImport({ demo: true });
        const { page } = session;
        const plansBefore = await planTitles(session);
        const institutionsBefore = await institutionCount(session);
        const message =
            "Le fichier n'a pas été importé (rien n'a été enregistré) :\n- Ligne 3 : « Commitment Unique Identifier » est vide.\n- Ligne 7 : « Year Of Submission » vaut « 2O21 », pas une année.";
        await script(session.laptop, { files: [brokenFile()] });
        await page.locator("#import-start").click();
        const error = page.locator("#import-error");
        await error.waitFor();
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("import-error");
        expect(await text(page, "#import-error h2")).toBe("Le fichier n'a pas été importé");
        const shown = await error.locator("p").first().innerText();
        expect(shown.split("\n")).toEqual(message.split("\n"));
        expect(await error.locator("p").first().evaluate(p => getComputedStyle(p).whiteSpace)).toBe("pre-line");
        await error.getByText("Rien n'a été enregistré.", { exact: false }).waitFor();
        expect(await page.locator("#import-summary, #import-choice").count()).toBe(0);
        expect(await text(page, "#import-status")).toBe("Le fichier n'a pas été importé");
        expect(await planTitles(session)).toEqual(plansBefore);
        expect(await institutionCount(session)).toBe(institutionsBefore);
        await expectAccessible(page, "import refused");
        await screenshots(page, "64-import-refused");

        // The same rows, corrected, afterwards replace the refusal; three of them are led by
        // institutions of the demonstration plan, which are used, not doubled.
        const leads = [
            "Direction interministérielle de la transformation publique",
            "Ministère de l'Europe et des Affaires étrangères",
            "Assemblée nationale"
        ];
        const corrected = FIRST_SIX.map((row, k) => (k < leads.length ? { ...row, "Lead Institution": leads[k]! } : row));
        await script(session.laptop, { files: [writeCsv("corrected.csv", corrected)] });
        await page.locator("#import-start").click();
        await page.locator("#import-choice").waitFor();
        expect(await error.count()).toBe(0);
        await page.locator("#import-choose-shown").click();
        await page.locator("#import-will-keep").waitFor();
        await page.locator("#import-confirm").click();
        await page.locator("#import-summary").waitFor();
        expect((await countsTable(page))[2]).toEqual(expect.arrayContaining(["Institutions", "3"]));
        expect((await countsTable(page))[2]![3]).toBe("3");
        expectNoProblems(session);
        await session.close();
    });

    test("a cancelled file dialog changes nothing, on the screen or in the data", async () => {
        const session = await openImport();
        const { page } = session;
        // No answer prepared: the person closes the dialog.
        await page.locator("#import-start").click();
        await page.waitForTimeout(400);
        expect(await page.locator("#import-start").getAttribute("aria-disabled")).toBe("false");
        expect(await text(page, "#import-start")).toBe("Choisir le fichier CSV");
        expect(await page.locator("#import-summary, #import-error, #import-progress, #import-choice").count()).toBe(0);
        expect(await page.evaluate(() => document.activeElement?.id)).toBe("import-start");
        expect(await planTitles(session)).toEqual([]);

        // After an import, a cancelled one leaves its summary as it was.
        await script(session.laptop, { files: [argentinaFile()] });
        await readAndImport(page, { also: "argentina" });
        const before = await countsTable(page);
        // Argentina's dates read month/day (12/31/2022 tells): no date to check.
        expect(await page.locator("#import-warnings-date").count()).toBe(0);
        await script(session.laptop, { files: [null] });
        await page.locator("#import-start").click();
        await page.waitForTimeout(400);
        expect(await countsTable(page)).toEqual(before);
        expect(await page.locator("#import-error, #import-choice").count()).toBe(0);
        expect(await planTitles(session)).toEqual([ARGENTINA_PLAN]);
        expectNoProblems(session);
        await session.close();
    });

    test("the import screen speaks English and has no accessibility violation in the dark theme", async () => {
        const session = await openImport({ colorScheme: "dark" });
        const { page } = session;
        expect(await page.locator("html").getAttribute("data-fr-theme")).toBe("dark");
        await expectAccessible(page, "import screen (dark)");
        await script(session.laptop, { files: [argentinaFile()] });
        await page.locator("#import-start").click();
        await page.locator("#import-choice").waitFor();
        await expectAccessible(page, "import choice (dark)");
        await page.locator("#import-choose-shown").click();
        await page.locator("#import-will-keep").waitFor();
        await page.locator("#import-confirm").click();
        await page.locator("#import-summary").waitFor();
        await expectAccessible(page, "import summary (dark)");
        await screenshots(page, "65-import-summary-dark");
        await script(session.laptop, { files: [brokenFile()] });
        await page.locator("#import-start").click();
        await page.locator("#import-error").waitFor();
        await expectAccessible(page, "import refused (dark)");

        await page.locator("#lang-en").click();
        await page.locator("main h1", { hasText: "Import the OGP commitment database" }).waitFor();
        expect(await text(page, "#import-error h2")).toBe("The file was not imported");
        await script(session.laptop, { files: [argentinaFile()], progressDelayMs: 300 });
        await page.locator("#import-start").click();
        await expect.poll(() => text(page, "#import-status")).toMatch(/^Reading the file… \d+ \/ 2 rows$/);
        await page.locator("#import-choice").waitFor();
        expect(await text(page, "#import-choice-title")).toBe("What “argentina.csv” holds");
        await page.getByText("2 ambiguous dates read month/day: the order of 2 dates of this plan that read one way only.").waitFor();
        await page.locator("#import-choose-shown").click();
        await expect.poll(() => text(page, "#import-will-send")).toBe("No change will be sent to the server.");
        await page.locator("#import-confirm").click();
        await page.locator("#import-summary").waitFor();
        expect(await page.locator("#import-counts thead th").allTextContents()).toEqual(["Data", "Created", "Updated", "Unchanged"]);
        // The summary says how each plan's dates were read.
        const rules = page.locator("#import-date-rules__toggle-btn");
        expect(await text(page, "#import-date-rules__toggle-btn")).toBe("Reading of dates, plan by plan: the day/month order deduced for 1 plan");
        await rules.click();
        await page
            .locator("#import-date-rules-collapse")
            .getByText("2 ambiguous dates read month/day: the order of 2 dates of this plan that read one way only.")
            .waitFor();
        expect(await text(page, "#import-past-title")).toBe("Past imports");
        expectNoProblems(session);
        await session.close();
    });
});

describe("Export d'un plan", () => {
    test("each format says where the plan was written; a cancelled dialog says nothing; a failure says why", async () => {
        const session = await openApp();
        const { page } = session;
        const folder = join(files.path, "exports");
        const written = () => readdirSync(folder).sort();
        await page.locator("#load-demo").click();
        await page.locator("main h1", { hasText: "France — Plan d'action national 2021-2023" }).waitFor();
        const section = page.locator("#plan-export");
        await section.getByRole("heading", { name: "Exporter le plan" }).waitFor();
        expect(await page.locator("#export-result").count()).toBe(0);

        mkdirSync(folder);
        const json = join(folder, "plan.json");
        const csv = join(folder, "plan-csv");
        const html = join(folder, "plan.html");
        const xlsx = join(folder, "plan.xlsx");
        // The person chooses where, one dialog after the other (a folder, made if missing, for the CSV).
        await script(session.laptop, { files: [json, csv, html, xlsx] });
        await page.locator("#export-json").click();
        await page.locator("#export-result").waitFor();
        expect(await text(page, "#export-result")).toContain(`Plan exporté : ${json}`);
        expect(await page.locator("#export-result").evaluate(e => e.closest("[role=status]") !== null)).toBe(true);
        // The focus stays on the button, for a keyboard user.
        expect(await page.evaluate(() => document.activeElement?.id)).toBe("export-json");
        await expectAccessible(page, "overview with an export done");
        await section.scrollIntoViewIfNeeded();
        await screenshots(page, "66-export");

        await page.locator("#export-csv").click();
        await expect.poll(() => text(page, "#export-result")).toContain(`Plan exporté : ${csv}`);
        await page.locator("#export-html").click();
        await expect.poll(() => text(page, "#export-result")).toContain(`Plan exporté : ${html}`);
        await page.locator("#export-xlsx").click();
        await expect.poll(() => text(page, "#export-result")).toContain(`Plan exporté : ${xlsx}`);
        // What was written, read back from disk.
        expect(written()).toEqual(["plan-csv", "plan.html", "plan.json", "plan.xlsx"]);
        // A workbook (a zip archive) with its two sheets named in French.
        const workbook = readFileSync(xlsx);
        expect(workbook.subarray(0, 2).toString("latin1")).toBe("PK");
        expect(workbook.includes(Buffer.from("xl/workbook.xml"))).toBe(true);
        expect(readdirSync(csv).sort()).toEqual(CSV_FILES);
        expect(readFileSync(join(csv, "commitments.csv"), "utf8")).toContain("France — Plan d'action national 2021-2023");
        expect((JSON.parse(readFileSync(json, "utf8")) as { plan: { title: string } }).plan.title).toBe("France — Plan d'action national 2021-2023");
        expect(readFileSync(html, "utf8")).toContain("<title>France — Plan d'action national 2021-2023</title>");

        await script(session.laptop, { files: [null] });
        await page.locator("#export-json").click();
        await page.locator("#export-result").waitFor({ state: "detached" });
        await page.waitForTimeout(300);
        expect(await page.locator("#export-result").count()).toBe(0);
        expect(await section.locator(".fr-alert").count()).toBe(0);
        expect(written()).toEqual(["plan-csv", "plan.html", "plan.json", "plan.xlsx"]);

        // A folder that does not exist: the core says which file it could not write.
        const nowhere = join(folder, "missing", "plan.html");
        await script(session.laptop, { files: [nowhere] });
        await page.locator("#export-html").click();
        const alert = section.locator(".fr-alert--error");
        await alert.getByText("L'export n'a pas abouti").waitFor();
        await alert.getByText(`Le fichier ${nowhere} n'a pas pu être écrit : `, { exact: false }).waitFor();
        expect(await page.locator("#export-result").count()).toBe(0);
        expect(written()).toEqual(["plan-csv", "plan.html", "plan.json", "plan.xlsx"]);
        await expectAccessible(page, "overview with an export refused");

        await page.locator("#lang-en").click();
        await section.getByRole("heading", { name: "Export the plan" }).waitFor();
        const csvAgain = join(folder, "plan-csv-en");
        await script(session.laptop, { files: [csvAgain] });
        await page.locator("#export-csv").click();
        await expect.poll(() => text(page, "#export-result")).toContain(`Plan exported: ${csvAgain}`);
        expect(readdirSync(csvAgain).sort()).toEqual(CSV_FILES);
        expectNoProblems(session);
        await session.close();
    });
});

// --- Origin --------------------------------------------------------------------------------

/** The plan the rows below make, as the core titles it. */
const ORIGIN_PLAN = "France — Plan d'action 2 (2018-2020)";

/** A row of the sample (its other columns kept) made into a commitment of France's plan. */
const france = (id: string, cells: Row): Row => ({
    ...sampleRow("AL0097"),
    "Country/Locality": "France",
    "Action Plan ID": "AP_FRA02",
    "Action Plan Number": "2",
    "Year Of Submission": "2018",
    "Action Plan End Year": "2020",
    "Commitment Unique Identifier": id,
    URL: `https://www.opengovpartnership.org/members/france/commitments/${id}/`,
    "Supporting Institution(s)": "",
    // The sample row's own policy areas, taken off.
    "Open Parliaments": "0",
    "Capacity Building": "0",
    "Digital Transformation": "0",
    ...cells
});

/** The IRM columns as the OGP's export writes them. */
const IRM_COLUMNS = [
    "Specificity",
    "Verifiable",
    "OGP Value Access To Information",
    "OGP Value Civic Participation",
    "OGP Value Public Accountability",
    "OGP Value Technology",
    "Potential Impact",
    "Potential for Results",
    "Completion (Progress Report)",
    "Completion (End Of Term)",
    "Did It Open Government (Overall)",
    "Did It Open Government (Access To Information)",
    "Did It Open Government (Civic Participation)",
    "Did It Open Government: Public Accountability",
    "Early Results",
    "Starred (Current Formula) End of Term",
    "Starred (Current Formula) Progress Report",
    "Starred (2015 Only)"
];
const NO_ASSESSMENT: Row = Object.fromEntries(IRM_COLUMNS.map(column => [column, ""]));

/**
 * Two commitments of France's 2018-2020 plan: FR0032 with an IRM assessment holding every kind of
 * value (a scale's value, ND, NR, NA and an empty cell), starred, and a start date that reads two
 * ways; FR0035, whose IRM cells are all empty.
 */
const originFile = () =>
    writeCsv("origin.csv", [
        france("FR0032", {
            ...NO_ASSESSMENT,
            Theme: "Transparence de l'action publique",
            "Commitment Number": "1",
            "Commitment Title": "Renforcer la transparence de la commande publique",
            "Short Title": "Transparence de la commande publique",
            "Full Text":
                "Publier en données ouvertes les données essentielles des marchés publics.\n\nCalendrier :\n- 2018 : format commun des données ;\n- 2019 : publication par l'ensemble des acheteurs.",
            "Start Date": "5/6/2019",
            "End Date": "7/31/2020",
            "Lead Institution": "Ministère de l'Économie et des Finances",
            "Open Contracting": "1",
            "Public Procurement": "1",
            "Open Data": "1",
            Cluster: "Commande publique",
            Specificity: "High",
            Verifiable: "Yes",
            "OGP Value Access To Information": "Yes",
            "OGP Value Civic Participation": "NR",
            "OGP Value Public Accountability": "No",
            "OGP Value Technology": "ND",
            "Potential Impact": "Transformative",
            "Potential for Results": "NA",
            "Completion (Progress Report)": "Substantial",
            "Completion (End Of Term)": "Complete",
            "Did It Open Government (Overall)": "Major",
            "Did It Open Government (Access To Information)": "Outstanding",
            "Did It Open Government (Civic Participation)": "NR",
            "Did It Open Government: Public Accountability": "",
            "Early Results": "NA",
            "Starred (Current Formula) End of Term": "Yes"
        }),
        france("FR0035", {
            ...NO_ASSESSMENT,
            Theme: "Participation citoyenne",
            "Commitment Number": "4",
            "Commitment Title": "Consulter les usagers sur la qualité des services publics",
            "Short Title": "Qualité des services publics",
            "Full Text": "Publier les résultats des enquêtes de satisfaction des usagers des services publics.",
            "Start Date": "2018-04-01",
            "End Date": "12/31/2019",
            "Lead Institution": "Direction interministérielle de la transformation publique",
            "Public Service Delivery": "1"
        })
    ]);

/**
 * The demonstration plan, then France's plan imported from {@link originFile}; opens FR0032.
 * Returns the id of a commitment of the demonstration plan (drafted here: no origin).
 */
async function commitmentWithOrigin(options: { colorScheme?: "light" | "dark" } = {}): Promise<{ session: Session; otherId: string }> {
    const session = await openApp(options);
    const { page } = session;
    await page.locator("#load-demo").click();
    await page.locator("main h1", { hasText: "France — Plan d'action national 2021-2023" }).waitFor();
    const href = await page.locator("li.po-commitment a").first().getAttribute("href");
    const otherId = decodeURIComponent(href!.replace("#/commitments/", ""));
    await script(session.laptop, { files: [originFile()] });
    const summary = await importEveryPlan(laptop(session.laptop));
    expect(summary?.commitments.created).toBe(2);
    await page.locator("#nav-plans").click();
    await page.getByRole("link", { name: ORIGIN_PLAN }).click();
    await page.locator("main h1", { hasText: ORIGIN_PLAN }).waitFor();
    await page.getByRole("link", { name: "Renforcer la transparence de la commande publique" }).click();
    await page.locator("#commitment-origin").waitFor();
    return { session, otherId };
}

const assessed = (page: Page, key: string) => text(page, `[data-assessment=${key}]`);

describe("Origine et évaluation du MRI", () => {
    test("an imported commitment shows its origin, the star, and ND, NR and NA told apart, in French then English", async () => {
        const { session, otherId } = await commitmentWithOrigin();
        const { page } = session;
        const origin = page.locator("#commitment-origin");
        await origin.getByRole("heading", { level: 2, name: "Origine et évaluation du MRI" }).waitFor();
        expect(await text(page, "#origin-starred")).toBe("★Engagement étoilé");
        expect(await page.locator("#origin-starred .po-star__icon").getAttribute("aria-hidden")).toBe("true");
        expect(await text(page, "#origin-ogp-id")).toBe("FR0032");
        expect(await text(page, "#origin-number")).toBe("1");
        const link = page.locator("#origin-url");
        expect(await link.getAttribute("href")).toBe("https://www.opengovpartnership.org/members/france/commitments/FR0032/");
        expect(await link.textContent()).toBe("https://www.opengovpartnership.org/members/france/commitments/FR0032/");
        expect(await link.getAttribute("target")).toBe("_blank");
        // The policy-area columns marked 1, in the file's order.
        expect(await page.locator("#origin-policy-areas .fr-tag").allTextContents()).toEqual(["Open Contracting", "Public Procurement", "Open Data"]);

        // Each value in words; the three kinds of "no value" distinct, an empty cell a dash.
        expect(await assessed(page, "specificity")).toBe("Élevée");
        expect(await assessed(page, "verifiable")).toBe("Oui");
        expect(await assessed(page, "relevantPublicAccountability")).toBe("Non");
        expect(await assessed(page, "potentialImpact")).toBe("Transformateur");
        expect(await assessed(page, "completionProgressReport")).toBe("Substantiel");
        expect(await assessed(page, "completionEndOfTerm")).toBe("Achevé");
        expect(await assessed(page, "openedGovernment")).toBe("Majeur");
        expect(await assessed(page, "openedGovernmentAccessToInformation")).toBe("Exceptionnel");
        expect(await assessed(page, "relevantTechnology")).toBe("Non évalué (ND)");
        expect(await assessed(page, "relevantCivicParticipation")).toBe("Non pertinent (NR)");
        expect(await assessed(page, "potentialForResults")).toBe("Sans objet (NA)");
        const empty = page.locator("[data-assessment=openedGovernmentPublicAccountability]");
        // A dash to the eye, words to a screen reader.
        expect(await empty.locator("[aria-hidden=true]").textContent()).toBe("—");
        expect(await empty.locator(".fr-sr-only").textContent()).toBe("non renseigné");
        for (const label of [
            "Spécificité",
            "Vérifiable",
            "Pertinence pour les valeurs du PGO",
            "Impact potentiel",
            "Potentiel de résultats",
            "Achèvement (rapport d'étape)",
            "Achèvement (fin de mandat)",
            "A-t-il ouvert le gouvernement ?",
            "Premiers résultats"
        ]) {
            await origin.locator("dt", { hasText: label }).first().waitFor();
        }

        // The text as submitted, folded; the date the import could not read, next to its field.
        const toggle = page.locator("#origin-full-text__toggle-btn");
        expect(await toggle.textContent()).toBe("Texte d'origine de l'engagement");
        expect(await toggle.getAttribute("aria-expanded")).toBe("false");
        const body = page.locator("#origin-full-text-collapse .po-pre-wrap");
        expect(await body.isVisible()).toBe(false);
        await toggle.click();
        await body.waitFor({ state: "visible" });
        expect(await body.innerText()).toContain("Calendrier :\n- 2018 : format commun des données ;");
        await page
            .locator(".fr-input-group", { has: page.locator("#commitment-startDate") })
            .getByText("Date d'origine non interprétée : « 5/6/2019 »")
            .waitFor();
        expect(await page.locator(".fr-input-group", { has: page.locator("#commitment-endDate") }).getByText("Date d'origine").count()).toBe(0);
        await page.locator(".po-editor__side").getByRole("link", { name: "Origine et évaluation" }).waitFor();
        await expectAccessible(page, "commitment with an origin");
        await page.locator("#commitment-origin").evaluate(e => e.scrollIntoView({ block: "start" }));
        await screenshots(page, "67-commitment-origin");

        await page.locator("#lang-en").click();
        await origin.getByRole("heading", { level: 2, name: "Origin and IRM assessment" }).waitFor();
        expect(await text(page, "#origin-starred")).toBe("★Starred commitment");
        expect(await assessed(page, "specificity")).toBe("High");
        expect(await assessed(page, "verifiable")).toBe("Yes");
        expect(await assessed(page, "potentialImpact")).toBe("Transformative");
        expect(await assessed(page, "completionEndOfTerm")).toBe("Complete");
        expect(await assessed(page, "openedGovernment")).toBe("Major");
        expect(await assessed(page, "relevantTechnology")).toBe("Not assessed (ND)");
        expect(await assessed(page, "relevantCivicParticipation")).toBe("Not relevant (NR)");
        expect(await assessed(page, "potentialForResults")).toBe("Not applicable (NA)");
        expect(await empty.textContent()).toBe("—not provided");
        for (const label of ["Specificity", "Relevance to OGP values", "Completion (progress report)", "Did it open government?", "Early results"]) {
            await origin.locator("dt", { hasText: label }).first().waitFor();
        }
        await page.getByText("Original date not interpreted: “5/6/2019”").waitFor();
        await page.locator("#lang-fr").click();
        await origin.getByRole("heading", { level: 2, name: "Origine et évaluation du MRI" }).waitFor();

        // A commitment drafted here has no origin.
        await page.goto(page.url().replace(/#.*$/, `#/commitments/${encodeURIComponent(otherId)}`));
        await page.locator("#commitment-title").waitFor();
        expect(await page.locator("#commitment-origin").count()).toBe(0);
        expect(await page.locator(".po-editor__side").getByRole("link", { name: "Origine et évaluation" }).count()).toBe(0);
        expectNoProblems(session);
        await session.close();
    });

    test("the origin has no accessibility violation in the dark theme; without an assessment it says so", async () => {
        const { session } = await commitmentWithOrigin({ colorScheme: "dark" });
        const { page } = session;
        expect(await page.locator("html").getAttribute("data-fr-theme")).toBe("dark");
        await page.locator("#origin-full-text__toggle-btn").click();
        await page.locator("#origin-source-columns__toggle-btn").click();
        await page.locator("#origin-source-columns-collapse").getByText("Commande publique").waitFor({ state: "visible" });
        // The screen at rest: the pointer off the toggle just clicked (hovered, the design
        // system's dark accordion button is 2.6:1, which axe reports whenever the pointer stays).
        await page.mouse.move(0, 0);
        await expectAccessible(page, "commitment with an origin (dark)");
        await page.locator("#origin-assessment").evaluate(e => e.scrollIntoView({ block: "start" }));
        await screenshots(page, "68-commitment-origin-dark");
        expectNoProblems(session);
        await session.close();

        // Without an assessment (every IRM cell of its row empty): said, and no star.
        const plain = await openApp({ path: "#/import" });
        const p = plain.page;
        await script(plain.laptop, { files: [originFile()] });
        await readAndImport(p, { all: true });
        await p.locator("#import-plans-link").click();
        await p.getByRole("link", { name: ORIGIN_PLAN }).click();
        await p.getByRole("link", { name: "Consulter les usagers sur la qualité des services publics" }).click();
        await p.locator("#commitment-origin").waitFor();
        expect(await text(p, "#origin-no-assessment")).toBe("Le MRI n'a pas publié d'évaluation de cet engagement.");
        expect(await p.locator("#origin-starred, #origin-assessment").count()).toBe(0);
        expectNoProblems(plain);
        await plain.close();
    });
});
