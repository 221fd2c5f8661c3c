/** Per-field messages of a refused form, keyed by the backend's field names. */
import type { Failure } from "../../core/bindings";

export type FieldErrors = Record<string, string>;

export function fieldErrors(failure: Failure | null): FieldErrors {
    const errors: FieldErrors = {};
    if (failure === null) return errors;
    for (const { field, message } of failure.fields) errors[field] ??= message;
    return errors;
}

/** DSFR `state` / `stateRelatedMessage` props for a field that may be in error. */
export function errorState(message: string | undefined): { state: "error" | "default"; stateRelatedMessage?: string } {
    return message === undefined ? { state: "default" } : { state: "error", stateRelatedMessage: message };
}
