import { defineConfig } from "vitest/config";

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
