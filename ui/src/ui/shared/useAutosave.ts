/** The React side of `core/autosave.ts`: one coordinator per screen, re-rendering on changes. */
import { useEffect, useState, useSyncExternalStore } from "react";
import { Autosave } from "../../core/autosave";

export function useAutosave(): Autosave {
    const [autosave] = useState(() => new Autosave());
    useSyncExternalStore(autosave.subscribe, autosave.getRevision, autosave.getRevision);
    useEffect(() => {
        // Leaving the screen or closing the window saves what is waiting, never drops it.
        const flush = () => void autosave.flushAll();
        window.addEventListener("pagehide", flush);
        return () => {
            window.removeEventListener("pagehide", flush);
            flush();
        };
    }, [autosave]);
    return autosave;
}
