/**
 * Bootstrap: picks the backend adapter (Tauri inside the desktop app, the loopback bridge to
 * the same Rust core in a plain browser), applies the saved language, starts DSFR and renders
 * the app.
 */
import { startReactDsfr } from "@codegouvfr/react-dsfr/spa";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import type { Backend } from "./core/backend";
import { App } from "./ui/App";
import { BackendProvider } from "./ui/backendContext";
import { applyLocale, useLocale } from "./ui/i18n";
import "./ui/app.css";

// DSFR's colour-scheme logic runs from this bundle (no inline script: the CSP forbids them).
startReactDsfr({ defaultColorScheme: "system", useLang: useLocale });

async function chooseBackend(): Promise<Backend> {
    if ("__TAURI_INTERNALS__" in window) {
        const { createTauriBackend } = await import("./core/adapters/tauri");
        return createTauriBackend();
    }
    const { createBridgeBackend, sessionOf } = await import("./core/adapters/bridge");
    return createBridgeBackend("/", sessionOf(window.location));
}

const backend = await chooseBackend();
applyLocale(await backend.getLocale().catch(() => "fr" as const));

const root = document.getElementById("root");
if (root === null) throw new Error("#root is missing from index.html");
createRoot(root).render(
    <StrictMode>
        <BackendProvider backend={backend}>
            <App />
        </BackendProvider>
    </StrictMode>
);
