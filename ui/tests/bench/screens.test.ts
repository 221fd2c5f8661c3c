/**
 * How fast the screens open with real data: the whole sample of the OGP commitment database
 * imported (150 plans, 405 commitments, about 1,200 institutions) plus the demonstration plan.
 * Each screen is opened 20 times from the home screen; the time is measured in the page, from the
 * change of address to the first frame where the screen's content (not a loading notice) is
 * there. The floor, measured in the same run, is the same navigation to the import screen, whose
 * content needs no data. The import summary is timed from the click on "Importer" (all 150 plans
 * again, nothing to change) to the summary on screen, and the core's part of it by calling the
 * same import directly. Also: the height of a commitment page.
 *
 * Run with `npm --prefix ui run bench:screens` (see BENCHMARKS.md); it prints a table and writes
 * `test-results/bench-screens.json`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { importEveryPlan, laptop, script } from "../browser/core";
import { openApp, startBrowser, stopBrowser } from "../browser/harness";

const SAMPLE = resolve(import.meta.dirname, "../../../../shared/data/ogp/ogp-commitments-sample.csv");
const OPENINGS = 20;

beforeAll(startBrowser);
afterAll(stopBrowser);

/** Milliseconds from setting `hash` to the first frame where `selector` matches. */
function open(page: Page, hash: string, selector: string): Promise<number> {
    return page.evaluate(
        ([hash, selector]) =>
            new Promise<number>(done => {
                const start = performance.now();
                location.hash = hash;
                const check = () => (document.querySelector(selector) !== null ? done(performance.now() - start) : requestAnimationFrame(check));
                requestAnimationFrame(check);
            }),
        [hash, selector] as const
    );
}

const percentile = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

test("screens open with the whole OGP sample imported", async () => {
    const session = await openApp();
    const { page } = session;
    const b = laptop(session.laptop);
    await b.loadDemoPlan();
    await script(session.laptop, { files: [SAMPLE] });
    const summary = await importEveryPlan(b);
    expect(summary?.commitments.created).toBe(405);
    const plans = await b.listPlans();
    const france = plans.find(p => p.title.startsWith("France — Plan d'action 1"))!;
    const overview = await b.planOverview(france.id, { query: "", institutionId: null });
    const commitment = overview.areas.flatMap(a => a.commitments)[0]!;
    // The commitment with the longest text of the sample: the page at its tallest.
    let longest = { id: commitment.id, length: 0 };
    for (const plan of plans) {
        const o = await b.planOverview(plan.id, { query: "", institutionId: null });
        for (const c of o.areas.flatMap(a => a.commitments)) {
            const detail = await b.getCommitment(c.id);
            const length = detail.origin?.fullText.length ?? 0;
            if (length > longest.length) longest = { id: c.id, length };
        }
    }
    await page.reload();
    await page.locator("main h1").first().waitFor();

    const screens: { name: string; hash: string; selector: string }[] = [
        { name: "import (floor)", hash: "#/import", selector: "#import-start" },
        { name: "plans", hash: "#/", selector: `main a[href="#/plans/${france.id}"]` },
        { name: "institutions", hash: "#/institutions", selector: "main table tbody tr" },
        { name: "commitment", hash: `#/commitments/${commitment.id}`, selector: "#commitment-origin" },
        { name: "longest commitment", hash: `#/commitments/${longest.id}`, selector: "#commitment-origin" },
        { name: "plan overview", hash: `#/plans/${france.id}`, selector: "main li.po-commitment a" }
    ];
    const results: Record<string, { p50: number; p90: number; max: number }> = {};
    for (const screen of screens) {
        const times: number[] = [];
        for (let k = 0; k < OPENINGS; k++) {
            await open(page, "#/accessibilite", "main h1");
            times.push(await open(page, screen.hash, screen.selector));
        }
        results[screen.name] = { p50: percentile(times, 50), p90: percentile(times, 90), max: Math.max(...times) };
    }

    // The import summary, opened over the whole file: reading it again and importing every plan
    // (nothing changes), from the click on "Importer" to the summary on screen.
    await open(page, "#/import", "#import-start");
    const summaries: number[] = [];
    for (let k = 0; k < 5; k++) {
        await script(session.laptop, { files: [SAMPLE] });
        await page.locator("#import-start").click();
        await page.locator("#import-choice").waitFor({ timeout: 60_000 });
        await page.locator("#import-choose-shown").click();
        // The dry run of every plan done (said once they are all chosen), so that it is not timed.
        await page.locator("#import-choice-summary", { hasText: "150 plans choisis" }).locator("#import-will-send").waitFor({ timeout: 60_000 });
        summaries.push(
            await page.evaluate(
                () =>
                    new Promise<number>(done => {
                        const start = performance.now();
                        (document.getElementById("import-confirm") as HTMLButtonElement).click();
                        const check = () => (document.getElementById("import-summary") !== null ? done(performance.now() - start) : requestAnimationFrame(check));
                        requestAnimationFrame(check);
                    })
            )
        );
    }
    results["import summary (150 plans, unchanged)"] = { p50: percentile(summaries, 50), p90: percentile(summaries, 90), max: Math.max(...summaries) };
    // The same import called directly, without the screen: what of it is the core's work.
    const calls: number[] = [];
    for (let k = 0; k < 5; k++) {
        await script(session.laptop, { files: [SAMPLE] });
        const preview = await b.readOgpCsv();
        const start = performance.now();
        await b.importOgpPlans(preview!.plans.map(p => p.id));
        calls.push(performance.now() - start);
    }
    results["  of which the core's import (call alone)"] = { p50: percentile(calls, 50), p90: percentile(calls, 90), max: Math.max(...calls) };

    const height = async (id: string) => {
        await open(page, `#/commitments/${id}`, "#commitment-origin");
        return page.evaluate(() => document.documentElement.scrollHeight);
    };
    const heights = { commitment: await height(commitment.id), longest: await height(longest.id), longestFullTextChars: longest.length };

    const lines = Object.entries(results).map(([name, r]) => `| ${name} | ${r.p50.toFixed(1)} | ${r.p90.toFixed(1)} | ${r.max.toFixed(1)} |`);
    console.log(["| screen | p50 ms | p90 ms | max ms |", "|---|---:|---:|---:|", ...lines].join("\n"));
    console.log(`commitment page height: ${heights.commitment} px (FR0001); ${heights.longest} px (longest full text, ${heights.longestFullTextChars} characters)`);
    mkdirSync(resolve(import.meta.dirname, "../../test-results"), { recursive: true });
    writeFileSync(resolve(import.meta.dirname, "../../test-results/bench-screens.json"), JSON.stringify({ openings: OPENINGS, results, heights }, null, 2));
    await session.close();
});
