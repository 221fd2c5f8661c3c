/** Hands the backend chosen at bootstrap to every screen; screens never import an adapter. */
import { createContext, useContext, type ReactNode } from "react";
import type { Backend } from "../core/backend";

const BackendContext = createContext<Backend | null>(null);

export function BackendProvider(props: { backend: Backend; children: ReactNode }) {
    return <BackendContext.Provider value={props.backend}>{props.children}</BackendContext.Provider>;
}

export function useBackend(): Backend {
    const backend = useContext(BackendContext);
    if (backend === null) throw new Error("useBackend outside BackendProvider");
    return backend;
}
