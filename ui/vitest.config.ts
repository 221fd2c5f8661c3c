import { defineConfig } from "vitest/config";

/**
 * The tests run as on a laptop in France: the Rust core the browser tests start (the bridge, the
 * server), Chromium (`timezoneId` in `tests/browser/harness.ts`) and the tests' own dates agree on
 * the day. Left to the machine's zone, the core (UTC in CI) and the page (Paris) disagreed from
 * 23:00 to midnight UTC: the page's « today » was the core's tomorrow, and a report dated today
 * was refused as dated in the future.
 */
process.env.TZ = "Europe/Paris";

/**
 * Two projects: `unit` (pure logic, in Node) and `browser` (the built UI served on 127.0.0.1
 * with the desktop app's CSP, driven in Debian's headless Chromium through playwright-core).
 */
export default defineConfig({
    esbuild: { jsx: "automatic" },
    test: {
        reporters: ["default", "./tests/summaryReporter.ts"],
        projects: [
            {
                extends: true,
                test: {
                    name: "unit",
                    include: ["src/**/*.test.ts"],
                    environment: "node"
                }
            },
            {
                extends: true,
                test: {
                    name: "browser",
                    include: ["tests/browser/**/*.test.ts"],
                    globalSetup: ["tests/browser/globalSetup.ts"],
                    pool: "forks",
                    // One file at a time: a single Chromium, and the two cores stay shared.
                    poolOptions: { forks: { singleFork: true } },
                    testTimeout: 60_000,
                    hookTimeout: 120_000
                }
            }
        ]
    }
});
