import { defineConfig } from "vitest/config";

/**
 * The screen benchmarks (`npm run bench:screens`): the built UI on the real core's release build,
 * in the same headless Chromium as the browser tests. Not part of `npm test`: they measure, they
 * do not assert times.
 */
export default defineConfig({
    esbuild: { jsx: "automatic" },
    test: {
        include: ["tests/bench/**/*.test.ts"],
        globalSetup: ["tests/browser/globalSetup.ts"],
        pool: "forks",
        poolOptions: { forks: { singleFork: true } },
        testTimeout: 600_000,
        hookTimeout: 300_000
    }
});
