/**
 * Builds the UI once (into `test-results/dist`, leaving `dist/` alone) and serves it on
 * 127.0.0.1 with the Content-Security-Policy of the desktop app, so that anything the CSP would
 * block in Tauri (an inline script, a remote font) fails here too.
 */
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { build } from "vite";

declare module "vitest" {
    export interface ProvidedContext {
        baseUrl: string;
    }
}

const UI_DIR = resolve(import.meta.dirname, "../..");
const OUT_DIR = join(UI_DIR, "test-results", "dist");
const AXE = join(UI_DIR, "node_modules", "axe-core", "axe.min.js");

/** The CSP of `tauri.conf.json` (top of the repository); a copy when the UI is used alone. */
function contentSecurityPolicy(): string {
    const conf = resolve(UI_DIR, "..", "tauri.conf.json");
    const csp: Record<string, string> = existsSync(conf)
        ? JSON.parse(readFileSync(conf, "utf8")).app.security.csp
        : {
              "default-src": "'self'",
              "img-src": "'self' data:",
              "font-src": "'self' data:",
              "style-src": "'self' 'unsafe-inline'",
              "script-src": "'self'",
              "object-src": "'none'",
              "base-uri": "'none'",
              "form-action": "'none'"
          };
    return Object.entries(csp)
        .map(([directive, sources]) => `${directive} ${sources}`)
        .join("; ");
}

const TYPES: Record<string, string> = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".txt": "text/plain; charset=utf-8"
};

export default async function setup(project: TestProject) {
    await build({
        root: UI_DIR,
        configFile: join(UI_DIR, "vite.config.ts"),
        logLevel: "warn",
        build: { outDir: OUT_DIR, emptyOutDir: true }
    });
    const csp = contentSecurityPolicy();
    const server: Server = createServer((request, response) => {
        const path = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
        // Test-only: axe-core, injected by URL since the CSP forbids inline scripts.
        const file = path === "/__test__/axe.js" ? AXE : normalize(join(OUT_DIR, path === "/" ? "index.html" : path));
        if (file !== AXE && !file.startsWith(OUT_DIR)) {
            response.writeHead(403).end();
            return;
        }
        if (!existsSync(file)) {
            response.writeHead(404).end();
            return;
        }
        response.writeHead(200, {
            "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
            "Content-Security-Policy": csp,
            "Cache-Control": "no-store"
        });
        response.end(readFileSync(file));
    });
    await new Promise<void>(done => server.listen(0, "127.0.0.1", done));
    const { port } = server.address() as AddressInfo;
    project.provide("baseUrl", `http://127.0.0.1:${port}/`);
    return async () => {
        await new Promise<void>(done => server.close(() => done()));
    };
}
