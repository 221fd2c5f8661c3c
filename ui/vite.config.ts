import { defineConfig } from "vite";

/**
 * The built files are loaded by Tauri from its custom protocol, so every URL is relative (`./`).
 * No plugin: esbuild compiles TSX with the automatic JSX runtime.
 */
export default defineConfig({
    base: "./",
    publicDir: "public",
    esbuild: { jsx: "automatic" },
    server: { port: 5173, strictPort: true },
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
