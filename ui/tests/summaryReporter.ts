/**
 * Prints one plain closing line, `ui: N passed, N failed[, N skipped]`, that CI logs read the
 * same way whatever the test runner.
 */
import type { Reporter, TestModule } from "vitest/node";

export default class SummaryReporter implements Reporter {
    private line = "";

    onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
        let passed = 0;
        let failed = unhandledErrors.length;
        let skipped = 0;
        for (const module of testModules) {
            if (module.state() === "failed" && [...module.children.allTests()].length === 0) failed += 1;
            for (const test of module.children.allTests()) {
                const state = test.result().state;
                if (state === "passed") passed += 1;
                else if (state === "failed") failed += 1;
                else skipped += 1;
            }
        }
        this.line = `ui: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`;
    }

    /** After the default reporter's summary, so that it is the last line. */
    onFinished(): void {
        if (this.line) process.stdout.write(`\n${this.line}\n`);
    }
}
