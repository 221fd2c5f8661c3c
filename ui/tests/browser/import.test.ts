/**
 * Open data: the import of the OGP commitment database (progress, what it did, values to check;
 * a refused file; a cancelled dialog), the export of a plan, and the origin and IRM assessment of
 * an imported commitment. The in-memory backend simulates the file dialogs; tests decide what
 * the next one does through `window.planOuvertMock.openData`.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { MockBackend } from "../../src/core/adapters/mock";
import type { StagedExport, StagedImport } from "../../src/core/adapters/mock/openData";
import type { Assessment } from "../../src/core/bindings";
import { expectAccessible, expectNoProblems, openApp, screenshots, SCREENSHOTS, startBrowser, stopBrowser, type Session } from "./harness";

beforeAll(startBrowser);
afterAll(stopBrowser);

type MockWindow = Window & { planOuvertMock: MockBackend };

const IMPORTED_PLAN = "France — Plan d'action national 2018-2020";

const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? "").replace(/\s+/g, " ").trim();
const focusedInside = (page: Page, selector: string) =>
    page.evaluate(s => document.activeElement !== null && document.activeElement.closest(s) !== null, selector);

async function stageImport(page: Page, next: StagedImport) {
    await page.evaluate(n => (window as unknown as MockWindow).planOuvertMock.openData.stageImport(n), next);
}

async function stageExport(page: Page, next: StagedExport) {
    await page.evaluate(n => (window as unknown as MockWindow).planOuvertMock.openData.stageExport(n), next);
}

const planTitles = (page: Page) => page.evaluate(async () => (await (window as unknown as MockWindow).planOuvertMock.listPlans()).map(p => p.title));
const institutionCount = (page: Page) => page.evaluate(async () => (await (window as unknown as MockWindow).planOuvertMock.listInstitutions()).length);

/** The counts table as rows of cell texts (the kind, then created, updated, unchanged). */
const countsTable = (page: Page) =>
    page.locator("#import-counts tbody tr").evaluateAll(rows => rows.map(r => [...r.children].map(c => (c.textContent ?? "").trim())));

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

describe("Import de la base des engagements du PGO", () => {
    test("the import shows its progress, then what it created and the values to check; the imported plan is there; again, nothing is duplicated", async () => {
        const session = await openImport();
        const { page } = session;
        // Reached from the home screen's button; the header's item says where we are.
        expect(await page.locator("#nav-import").getAttribute("aria-current")).toBe("page");
        await page.getByText("Tout ou rien", { exact: false }).waitFor();
        await page.getByText("rien n'est jamais créé en double", { exact: false }).waitFor();
        await page.getByText("Les dates ne sont jamais devinées", { exact: false }).waitFor();
        expect(await page.locator("#import-summary").count()).toBe(0);
        await expectAccessible(page, "import screen");
        await screenshots(page, "60-import");

        await stageImport(page, { outcome: "file", stepMs: 400 });
        await page.locator("#import-start").click();
        const progress = page.locator("progress#import-progress");
        await progress.waitFor();
        expect(await page.locator("#import-start").getAttribute("aria-disabled")).toBe("true");
        expect(await text(page, "#import-start")).toBe("Import en cours…");
        expect(await page.locator("#import-status").getAttribute("role")).toBe("status");
        await expect.poll(() => text(page, "#import-status")).toMatch(/^Lecture du fichier… [1-5] \/ 5 lignes$/);
        expect(await progress.getAttribute("max")).toBe("5");
        // The progress bar has a name, and the screen is still accessible while it runs.
        expect(await page.getByLabel("Avancement de l'import").count()).toBe(1);
        await expectAccessible(page, "import running");
        await page.screenshot({ path: `${SCREENSHOTS}/61-import-progress-1280x800.png` });
        await expect.poll(() => text(page, "#import-status"), { timeout: 5_000 }).toMatch(/^Enregistrement… \d+ \/ 13$/);

        // The summary, with the focus on it.
        await page.locator("#import-summary").waitFor();
        await expect.poll(() => focusedInside(page, "#import-summary")).toBe(true);
        expect(await progress.count()).toBe(0);
        expect(await page.locator("#import-start").getAttribute("aria-disabled")).toBe("false");
        expect(await text(page, "#import-rows")).toBe("5 lignes lues ; les données sont enregistrées sur ce poste.");
        expect(await text(page, "#import-status")).toBe("Import terminé. 5 lignes lues ; les données sont enregistrées sur ce poste.");
        expect(await page.locator("#import-counts thead th").allTextContents()).toEqual(["Données", "Créés", "Mis à jour", "Inchangés"]);
        expect(await countsTable(page)).toEqual([
            ["Plans d'action", "1", "0", "0"],
            ["Axes d'engagement", "2", "0", "0"],
            ["Institutions", "5", "0", "0"],
            ["Engagements", "5", "0", "0"]
        ]);
        // Dates are never guessed: each one is a value to check, with its row and column.
        expect(await text(page, "#import-warnings-title")).toBe("2 points à vérifier");
        const warnings = await page
            .locator("#import-warnings-table tbody tr")
            .evaluateAll(rows => rows.map(r => [...r.children].map(c => (c.textContent ?? "").trim())));
        expect(warnings).toEqual([
            ["3", "FR0033", "Start Date", "Date « 5/6/2019 » non interprétée avec certitude : laissée vide, le texte d'origine est conservé."],
            ["4", "FR0034", "End Date", "Date « fin 2019 » non interprétée avec certitude : laissée vide, le texte d'origine est conservé."]
        ]);
        expect(await page.locator("#import-warnings-table thead th").allTextContents()).toEqual(["Ligne", "Identifiant", "Colonne", "Message"]);
        // Few warnings: shown at once, not folded.
        expect(await page.locator("#import-warnings-accordion__toggle-btn").count()).toBe(0);
        await expectAccessible(page, "import summary");
        await screenshots(page, "62-import-summary");

        // Importing the same file again changes nothing.
        await stageImport(page, { outcome: "file", stepMs: 20 });
        await page.locator("#import-start").click();
        await expect.poll(() => countsTable(page)).toEqual([
            ["Plans d'action", "0", "0", "1"],
            ["Axes d'engagement", "0", "0", "2"],
            ["Institutions", "0", "0", "5"],
            ["Engagements", "0", "0", "5"]
        ]);
        expect(await planTitles(page)).toEqual([IMPORTED_PLAN]);

        // The imported plan is in the plans list, with its commitments; one keeps its date's text.
        await page.locator("#import-plans-link").click();
        await page.locator("main h1", { hasText: "Plans d'action" }).waitFor();
        await page.getByRole("link", { name: IMPORTED_PLAN }).click();
        await page.locator("main h1", { hasText: IMPORTED_PLAN }).waitFor();
        expect(await page.getByTestId("overview-counts").textContent()).toBe("2 axes, 5 engagements, 0 jalon");
        await page.getByRole("link", { name: "Améliorer la transparence de l'aide publique au développement" }).click();
        await page.locator("#commitment-origin").waitFor();
        expect(await text(page, "#origin-ogp-id")).toBe("FR0033");
        expect(await page.locator("#commitment-startDate").inputValue()).toBe("");
        await page
            .locator(".fr-input-group", { has: page.locator("#commitment-startDate") })
            .getByText("Date d'origine non interprétée : « 5/6/2019 »")
            .waitFor();
        expectNoProblems(session);
        await session.close();
    });

    test("many values to check are folded in an accordion, with their count", async () => {
        const session = await openImport();
        const { page } = session;
        await page.evaluate(() => {
            const mock = (window as unknown as MockWindow).planOuvertMock;
            const base = mock.openData.sampleRows()[1]!;
            const rows = Array.from({ length: 12 }, (_, k) => ({
                ...base,
                ogpId: `FR09${String(k).padStart(2, "0")}`,
                title: `Engagement ${k + 1}`,
                startDateSource: `${k + 1}/6/2019`
            }));
            mock.openData.stageImport({ outcome: "file", rows, stepMs: 20 });
        });
        await page.locator("#import-start").click();
        await page.locator("#import-summary").waitFor();
        expect(await text(page, "#import-warnings-title")).toBe("12 points à vérifier");
        const toggle = page.locator("#import-warnings-accordion__toggle-btn");
        expect(await toggle.textContent()).toBe("Afficher les 12 points à vérifier");
        expect(await toggle.getAttribute("aria-expanded")).toBe("false");
        expect(await page.locator("#import-warnings-table").isVisible()).toBe(false);
        await toggle.press("Enter");
        await page.locator("#import-warnings-table").waitFor({ state: "visible" });
        expect(await page.locator("#import-warnings-table tbody tr").count()).toBe(12);
        expect(await page.locator("#import-warnings-table tbody tr").first().textContent()).toContain("« 1/6/2019 »");
        await expectAccessible(page, "import summary with many warnings");
        await screenshots(page, "63-import-many-warnings");
        expectNoProblems(session);
        await session.close();
    });

    test("a refused file: the backend's message, line by line, and nothing was added", async () => {
        const session = await openImport({ demo: true });
        const { page } = session;
        const plansBefore = await planTitles(page);
        const institutionsBefore = await institutionCount(page);
        const message =
            "Le fichier ne peut pas être importé (2 problèmes) :\nligne 3 : la colonne « Commitment ID » est vide ;\nligne 7 : la date « 2019-13-45 » n'est pas une date.";
        await stageImport(page, { outcome: "refused", message, stepMs: 40 });
        await page.locator("#import-start").click();
        const error = page.locator("#import-error");
        await error.waitFor();
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("import-error");
        expect(await text(page, "#import-error h2")).toBe("Le fichier n'a pas été importé");
        // Each problem on its own line, as the backend wrote it.
        const shown = await error.locator("p").first().innerText();
        expect(shown.split("\n")).toEqual(message.split("\n"));
        expect(await error.locator("p").first().evaluate(p => getComputedStyle(p).whiteSpace)).toBe("pre-line");
        await error.getByText("Rien n'a été enregistré.", { exact: false }).waitFor();
        expect(await page.locator("#import-summary").count()).toBe(0);
        expect(await text(page, "#import-status")).toBe("Le fichier n'a pas été importé");
        expect(await planTitles(page)).toEqual(plansBefore);
        expect(await institutionCount(page)).toBe(institutionsBefore);
        await expectAccessible(page, "import refused");
        await screenshots(page, "64-import-refused");

        // A file that can be read, afterwards, replaces the refusal with the summary.
        await stageImport(page, { outcome: "file", stepMs: 20 });
        await page.locator("#import-start").click();
        await page.locator("#import-summary").waitFor();
        expect(await error.count()).toBe(0);
        // The demonstration plan already has three of the institutions: they are used, not doubled.
        expect((await countsTable(page))[2]).toEqual(["Institutions", "2", "0", "3"]);
        expectNoProblems(session);
        await session.close();
    });

    test("a cancelled file dialog changes nothing, on the screen or in the data", async () => {
        const session = await openImport();
        const { page } = session;
        await stageImport(page, { outcome: "cancelled" });
        await page.locator("#import-start").click();
        await page.waitForTimeout(400);
        expect(await page.locator("#import-start").getAttribute("aria-disabled")).toBe("false");
        expect(await text(page, "#import-start")).toBe("Choisir le fichier CSV et importer");
        expect(await page.locator("#import-summary, #import-error, #import-progress").count()).toBe(0);
        expect(await page.evaluate(() => document.activeElement?.id)).toBe("import-start");
        expect(await planTitles(page)).toEqual([]);

        // After an import, a cancelled one leaves its summary as it was.
        await stageImport(page, { outcome: "file", stepMs: 20 });
        await page.locator("#import-start").click();
        await page.locator("#import-summary").waitFor();
        const before = await countsTable(page);
        await stageImport(page, { outcome: "cancelled" });
        await page.locator("#import-start").click();
        await page.waitForTimeout(400);
        expect(await countsTable(page)).toEqual(before);
        expect(await text(page, "#import-warnings-title")).toBe("2 points à vérifier");
        expect(await page.locator("#import-error").count()).toBe(0);
        expect(await planTitles(page)).toEqual([IMPORTED_PLAN]);
        expectNoProblems(session);
        await session.close();
    });

    test("the import screen speaks English and has no accessibility violation in the dark theme", async () => {
        const session = await openImport({ colorScheme: "dark" });
        const { page } = session;
        expect(await page.locator("html").getAttribute("data-fr-theme")).toBe("dark");
        await expectAccessible(page, "import screen (dark)");
        await stageImport(page, { outcome: "file", stepMs: 20 });
        await page.locator("#import-start").click();
        await page.locator("#import-summary").waitFor();
        await expectAccessible(page, "import summary (dark)");
        await screenshots(page, "65-import-summary-dark");
        await stageImport(page, { outcome: "refused", stepMs: 20 });
        await page.locator("#import-start").click();
        await page.locator("#import-error").waitFor();
        await expectAccessible(page, "import refused (dark)");

        await page.locator("#lang-en").click();
        await page.locator("main h1", { hasText: "Import the OGP commitment database" }).waitFor();
        expect(await text(page, "#import-error h2")).toBe("The file was not imported");
        await stageImport(page, { outcome: "file", stepMs: 300 });
        await page.locator("#import-start").click();
        await expect.poll(() => text(page, "#import-status")).toMatch(/^Reading the file… [1-5] \/ 5 rows$/);
        await page.locator("#import-summary").waitFor();
        expect(await page.locator("#import-counts thead th").allTextContents()).toEqual(["Data", "Created", "Updated", "Unchanged"]);
        expect(await text(page, "#import-warnings-title")).toBe("2 points to check");
        await page.getByText("Date “5/6/2019” could not be read with certainty", { exact: false }).waitFor();
        expectNoProblems(session);
        await session.close();
    });
});

describe("Export d'un plan", () => {
    test("each format says where the plan was written; a cancelled dialog says nothing; a failure says why", async () => {
        const session = await openApp();
        const { page } = session;
        await page.locator("#load-demo").click();
        await page.locator("main h1", { hasText: "France — Plan d'action national 2021-2023" }).waitFor();
        const section = page.locator("#plan-export");
        await section.getByRole("heading", { name: "Exporter le plan" }).waitFor();
        expect(await page.locator("#export-result").count()).toBe(0);

        await page.locator("#export-json").click();
        await page.locator("#export-result").waitFor();
        expect(await text(page, "#export-result")).toContain("Plan exporté : ~/Documents/plan.json");
        expect(await page.locator("#export-result").evaluate(e => e.closest("[role=status]") !== null)).toBe(true);
        // The focus stays on the button, for a keyboard user.
        expect(await page.evaluate(() => document.activeElement?.id)).toBe("export-json");
        await expectAccessible(page, "overview with an export done");
        await section.scrollIntoViewIfNeeded();
        await screenshots(page, "66-export");

        await page.locator("#export-csv").click();
        await expect.poll(() => text(page, "#export-result")).toContain("Plan exporté : ~/Documents/plan-csv");
        await page.locator("#export-html").click();
        await expect.poll(() => text(page, "#export-result")).toContain("Plan exporté : ~/Documents/plan.html");
        const written = () => page.evaluate(() => (window as unknown as MockWindow).planOuvertMock.openData.exports().map(e => e.format));
        expect(await written()).toEqual(["json", "csv", "html"]);

        await stageExport(page, { outcome: "cancelled" });
        await page.locator("#export-json").click();
        await page.locator("#export-result").waitFor({ state: "detached" });
        await page.waitForTimeout(300);
        expect(await page.locator("#export-result").count()).toBe(0);
        expect(await section.locator(".fr-alert").count()).toBe(0);
        expect(await written()).toEqual(["json", "csv", "html"]);

        await stageExport(page, { outcome: "failed", message: "Impossible d'écrire dans ce dossier : accès refusé." });
        await page.locator("#export-html").click();
        const alert = section.locator(".fr-alert--error");
        await alert.getByText("L'export n'a pas abouti").waitFor();
        await alert.getByText("Impossible d'écrire dans ce dossier : accès refusé.").waitFor();
        expect(await page.locator("#export-result").count()).toBe(0);
        await expectAccessible(page, "overview with an export refused");

        await page.locator("#lang-en").click();
        await section.getByRole("heading", { name: "Export the plan" }).waitFor();
        await page.locator("#export-csv").click();
        await expect.poll(() => text(page, "#export-result")).toContain("Plan exported: ~/Documents/plan-csv");
        expectNoProblems(session);
        await session.close();
    });
});

/** An IRM assessment with every kind of value: a scale's label, ND, NR, NA and an empty cell. */
const ASSESSMENT: Assessment = {
    specificity: { status: "assessed", value: "high" },
    verifiable: { status: "assessed", value: true },
    relevantAccessToInformation: { status: "assessed", value: true },
    relevantCivicParticipation: { status: "notRelevant" },
    relevantPublicAccountability: { status: "assessed", value: false },
    relevantTechnology: { status: "notAssessed" },
    potentialImpact: { status: "assessed", value: "transformative" },
    potentialForResults: { status: "notApplicable" },
    completionProgressReport: { status: "assessed", value: "substantial" },
    completionEndOfTerm: { status: "assessed", value: "complete" },
    openedGovernment: { status: "assessed", value: "major" },
    openedGovernmentAccessToInformation: { status: "assessed", value: "outstanding" },
    openedGovernmentCivicParticipation: { status: "notRelevant" },
    openedGovernmentPublicAccountability: { status: "missing" },
    earlyResults: { status: "notApplicable" },
    starred: { status: "assessed", value: true }
};

/**
 * The demonstration plan, and its first commitment given an origin with {@link ASSESSMENT} and a
 * start date the import could not read; opens that commitment.
 */
async function commitmentWithOrigin(options: { colorScheme?: "light" | "dark" } = {}): Promise<{ session: Session; otherId: string }> {
    const session = await openApp(options);
    const { page } = session;
    await page.locator("#load-demo").click();
    await page.locator("main h1", { hasText: "France — Plan d'action national 2021-2023" }).waitFor();
    const links = page.locator("li.po-commitment a");
    const id = (href: string | null) => decodeURIComponent(href!.replace("#/commitments/", ""));
    const commitmentId = id(await links.nth(0).getAttribute("href"));
    const otherId = id(await links.nth(1).getAttribute("href"));
    await page.evaluate(
        ([cid, assessment]) => {
            const mock = (window as unknown as MockWindow).planOuvertMock;
            const origin = { ...mock.openData.sampleOrigin(), assessment, startDateSource: "5/6/2019" };
            mock.openData.setOrigin(cid, origin);
        },
        [commitmentId, ASSESSMENT] as const
    );
    await links.nth(0).click();
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
        expect(await page.locator("#origin-policy-areas .fr-tag").allTextContents()).toEqual([
            "Open Contracting and Procurement",
            "Open Data",
            "Public Procurement"
        ]);

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
        await expectAccessible(page, "commitment with an origin (dark)");
        await page.locator("#origin-assessment").evaluate(e => e.scrollIntoView({ block: "start" }));
        await screenshots(page, "68-commitment-origin-dark");
        expectNoProblems(session);
        await session.close();

        // Without an assessment: said, and no star.
        const plain = await openApp({ path: "#/import" });
        const p = plain.page;
        await stageImport(p, { outcome: "file", stepMs: 0 });
        await p.locator("#import-start").click();
        await p.locator("#import-plans-link").click();
        await p.getByRole("link", { name: IMPORTED_PLAN }).click();
        await p.getByRole("link", { name: "Consulter les usagers sur la qualité des services publics" }).click();
        await p.locator("#commitment-origin").waitFor();
        expect(await text(p, "#origin-no-assessment")).toBe("Le MRI n'a pas publié d'évaluation de cet engagement.");
        expect(await p.locator("#origin-starred, #origin-assessment").count()).toBe(0);
        expectNoProblems(plain);
        await plain.close();
    });
});
