/**
 * What every browser test needs: a headless Debian Chromium (never a downloaded browser), a
 * fresh page on the served UI, on a new laptop of the real core (a bridge session with an empty
 * store), and checks that apply everywhere — no script error, no CSP violation, no alert
 * dialog, zero axe-core violations.
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";
import { newLaptop, temporaryFolder } from "./core";

export const SCREENSHOTS = resolve(import.meta.dirname, "../../test-results/screenshots");

export type Session = {
    page: Page;
    /** The laptop the page runs on (a bridge session): see `core.ts`. */
    laptop: string;
    /** Script errors, CSP violations and dialogs seen so far. */
    problems: string[];
    close: () => Promise<void>;
};

let browser: Browser | null = null;

/** Playwright gives the browser a fresh temporary profile (`--user-data-dir`) of its own. */
export async function startBrowser(): Promise<void> {
    browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
        headless: true,
        args: [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--lang=fr-FR"
        ]
    });
}

export async function stopBrowser(): Promise<void> {
    await browser?.close();
    browser = null;
}

/**
 * A new page on the UI, on a new laptop unless `laptop` names one already used (the same store:
 * the app started again). Like the desktop app (`freezePrototype: true`), `Object.prototype` is
 * frozen before any script runs. `colorScheme` picks the DSFR theme through the system setting;
 * `systemLocale` the system's language (French by default), which the interface must not follow.
 */
export async function openApp(
    options: {
        path?: string;
        laptop?: string;
        colorScheme?: "light" | "dark";
        viewport?: { width: number; height: number };
        systemLocale?: string;
    } = {}
): Promise<Session> {
    if (browser === null) throw new Error("startBrowser() first");
    const context: BrowserContext = await browser.newContext({
        viewport: options.viewport ?? { width: 1280, height: 800 },
        colorScheme: options.colorScheme ?? "light",
        locale: options.systemLocale ?? "fr-FR",
        // The zone the tests run in (vitest.config.ts), so that the page and the core agree on the day.
        timezoneId: process.env.TZ ?? "Europe/Paris"
    });
    await context.addInitScript(() => Object.freeze(Object.prototype));
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const problems: string[] = [];
    page.on("pageerror", error => problems.push(`page error: ${error.message}`));
    page.on("console", message => {
        if (message.type() === "error") problems.push(`console error: ${message.text()} (${message.location().url})`);
    });
    page.on("response", response => {
        if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    page.on("dialog", dialog => {
        problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
        void dialog.dismiss();
    });
    const laptop = options.laptop ?? (await newLaptop());
    await page.goto(`${inject("baseUrl")}?session=${laptop}${options.path ?? "#/"}`);
    await page.locator("main h1").first().waitFor();
    return {
        page,
        laptop,
        problems,
        close: () => context.close()
    };
}

/**
 * For a file whose tests write files: starts Chromium before them and stops it after, and gives a
 * temporary folder, removed after them too.
 */
export function browserAndFolder(): { path: string } {
    const folder = temporaryFolder();
    beforeAll(startBrowser);
    afterAll(async () => {
        await stopBrowser();
        folder.remove();
    });
    return folder;
}

/** Asserts nothing went wrong in the page: no script error, no CSP refusal, no dialog. */
export function expectNoProblems(session: Session): void {
    expect(session.problems).toEqual([]);
}

/** Runs axe-core on the page as it is and asserts zero violations. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
    await page.evaluate(() => document.fonts.ready);
    // A dialog fading in has, for a moment, low contrast: check the settled screen.
    await page.waitForFunction(() => document.getAnimations().every(a => a.playState !== "running"));
    const hasAxe = await page.evaluate(() => "axe" in window);
    if (!hasAxe) await page.addScriptTag({ url: "/__test__/axe.js" });
    const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string }[] }[] }> } }).axe;
        const result = await axe.run(document, { resultTypes: ["violations"] });
        return result.violations.map(v => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            nodes: v.nodes.slice(0, 5).map(n => `${n.target.join(" ")} — ${n.failureSummary}`)
        }));
    });
    expect(violations, `axe-core violations on ${label}`).toEqual([]);
}

/** Screenshots (the window, and the full page) at the two window sizes the app supports; restores 1280×800. */
export async function screenshots(page: Page, name: string): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const [width, height] of [
        [1280, 800],
        [1024, 768]
    ] as const) {
        await page.setViewportSize({ width, height });
        await page.waitForTimeout(100);
        await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}x${height}.png`) });
        await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}x${height}-full.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
}

/** Waits until the save status (`data-testid="save-status"`) reads `expected`, and returns it. */
export async function expectSaveStatus(page: Page, expected: RegExp): Promise<string> {
    const status = page.getByTestId("save-status");
    await expect.poll(async () => ((await status.textContent()) ?? "").trim(), { timeout: 5_000 }).toMatch(expected);
    return ((await status.textContent()) ?? "").trim();
}

export const SAVED = /^Enregistré à \d{2}:\d{2}$/;

/**
 * Chooses an institution in the picker whose field is `#<id>` (`shared/InstitutionPicker.tsx`)
 * as a person does: types `typed`, then clicks the option whose text contains `option`.
 */
export async function pickInstitution(page: Page, id: string, typed: string, option: string): Promise<void> {
    await page.locator(`#${id}`).fill(typed);
    await page.locator(`#${id}-listbox [role=option]`, { hasText: option }).click();
}
