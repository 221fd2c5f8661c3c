/**
 * The interface language: French by default, English as translation. The choice is kept by the
 * backend (`setLocale`) so that its messages follow it, and read back at start (`getLocale`).
 */
import { useSyncExternalStore } from "react";
import type { Locale } from "../../core/bindings";
import { en } from "./en";
import { fr, type Messages } from "./fr";

export type { Messages };

export const messages: Record<Locale, Messages> = { fr, en };

let current: Locale = "fr";
const listeners = new Set<() => void>();

/** Applies a language to the whole interface, `<html lang>` included. */
export function applyLocale(locale: Locale): void {
    current = locale;
    if (typeof document !== "undefined") document.documentElement.lang = locale;
    listeners.forEach(listener => listener());
}

export function getCurrentLocale(): Locale {
    return current;
}

function subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
}

export function useLocale(): Locale {
    return useSyncExternalStore(subscribe, getCurrentLocale, getCurrentLocale);
}

/** The texts of the current language. */
export function useT(): Messages {
    return messages[useLocale()];
}
