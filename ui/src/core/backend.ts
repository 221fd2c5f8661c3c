/**
 * The one port through which the interface talks to the backend: `Backend`, generated from the
 * Rust declaration of the commands (`commands.ts`), with one method per command; every method
 * returns a promise that rejects with a {@link Failure}.
 *
 * Two adapters carry it: `adapters/tauri.ts` (the desktop app, Tauri's IPC) and
 * `adapters/bridge.ts` (a plain browser, HTTP to the loopback bridge serving the same Rust
 * core). Neither holds a rule, a message or data. Screens never import an adapter: they receive
 * the chosen one from `ui/backendContext.tsx`.
 */
import type { ErrorCode, Failure } from "./bindings";
import { ERROR_CODES } from "./commands";

export type { Backend } from "./commands";

/** Whether a rejection has the shape of a backend {@link Failure}. */
export function isFailure(value: unknown): value is Failure {
    if (typeof value !== "object" || value === null) return false;
    const v = value as Record<string, unknown>;
    return (
        typeof v.code === "string" &&
        (ERROR_CODES as readonly ErrorCode[] as readonly string[]).includes(v.code) &&
        typeof v.message === "string" &&
        Array.isArray(v.fields)
    );
}

/**
 * Any rejection as a {@link Failure}: backend failures pass through; anything else (a bug, a
 * broken bridge) becomes an `internal` failure carrying its text.
 */
export function toFailure(error: unknown): Failure {
    if (isFailure(error)) return error;
    const message = error instanceof Error ? error.message : String(error);
    return { code: "internal", message, fields: [] };
}

/** The message of one field of a validation failure, if the backend named that field. */
export function fieldMessage(failure: Failure, field: string): string | undefined {
    return failure.fields.find(f => f.field === field)?.message;
}
