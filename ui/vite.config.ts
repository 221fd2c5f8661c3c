import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { defineConfig, type Plugin } from "vite";

/** Where the development server finds the loopback bridge to the real core. */
const BRIDGE = "127.0.0.1:5174";
const REPO = resolve(import.meta.dirname, "..");

/**
 * In development (`npm run dev`), starts the loopback bridge (`plan-ouvert-bridge`, built by
 * cargo with the tests' feature selection) so the interface in the browser shows real data from the real core; its
 * laptops live in `data/bridge/` at the top of the repository (ignored by git). Calls to
 * `/bridge/…` are passed to it.
 */
function realCore(): Plugin {
    return {
        name: "plan-ouvert-bridge",
        apply: "serve",
        configureServer(server) {
            // Built with the same feature selection as the tests, so nothing is rebuilt for it.
            const command =
                "cargo build --quiet --workspace --features plan-ouvert/custom-protocol --bin plan-ouvert-bridge && " +
                `exec target/debug/plan-ouvert-bridge --listen ${BRIDGE} --data data/bridge`;
            const bridge = spawn("sh", ["-c", command], { cwd: REPO, stdio: "inherit" });
            const stop = () => bridge.kill();
            server.httpServer?.once("close", stop);
            process.once("exit", stop);
        }
    };
}

/**
 * The built files are loaded by Tauri from its custom protocol, so every URL is relative (`./`).
 * No React plugin: esbuild compiles TSX with the automatic JSX runtime.
 */
export default defineConfig({
    base: "./",
    publicDir: "public",
    esbuild: { jsx: "automatic" },
    plugins: [realCore()],
    server: { port: 5173, strictPort: true, proxy: { "/bridge": `http://${BRIDGE}` } },
    build: {
        outDir: "dist",
        emptyOutDir: true,
        target: "es2022",
        chunkSizeWarningLimit: 2000,
        rollupOptions: {
            onwarn(warning, warn) {
                // react-dsfr marks its modules "use client" for Next.js; meaningless here.
                if (warning.code === "MODULE_LEVEL_DIRECTIVE") return;
                warn(warning);
            }
        }
    }
});
