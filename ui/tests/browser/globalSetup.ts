/**
 * Builds the UI once (into `test-results/dist`, leaving `dist/` alone) and starts the loopback
 * bridge (`plan-ouvert-bridge`, built by cargo beforehand) serving it with the desktop app's
 * Content-Security-Policy, so that every page runs on the real Rust core and anything the CSP
 * would block in Tauri (an inline script, a remote font) fails here too.
 */
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { build } from "vite";
import { binary, startProcess } from "./processes";

declare module "vitest" {
    export interface ProvidedContext {
        baseUrl: string;
    }
}

const UI_DIR = resolve(import.meta.dirname, "../..");
const OUT_DIR = join(UI_DIR, "test-results", "dist");
const AXE = join(UI_DIR, "node_modules", "axe-core");

export default async function setup(project: TestProject) {
    await build({
        root: UI_DIR,
        configFile: join(UI_DIR, "vite.config.ts"),
        logLevel: "warn",
        build: { outDir: OUT_DIR, emptyOutDir: true }
    });
    // Test-only: axe-core, injected by URL since the CSP forbids inline scripts. It is copied
    // beside the built files rather than served by a route of the bridge.
    const { copyFileSync, mkdirSync } = await import("node:fs");
    mkdirSync(join(OUT_DIR, "__test__"), { recursive: true });
    copyFileSync(join(AXE, "axe.min.js"), join(OUT_DIR, "__test__", "axe.js"));

    const bridge = await startProcess(binary("plan-ouvert-bridge"), ["--listen", "127.0.0.1:0", "--ui", OUT_DIR], /^http:\/\/\S+\/$/);
    project.provide("baseUrl", bridge.firstLine);
    return async () => {
        await bridge.stop();
    };
}
