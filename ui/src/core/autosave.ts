/**
 * Saving fields as a person types, one field at a time, without ever losing what was typed.
 *
 * Guarantees:
 * - a field is saved `delayMs` after the last keystroke, or at once when it loses focus
 *   (`flush`) or for choices such as checkboxes (`immediate`); a value that is not finished
 *   (a date still being typed, `whenLeft`) waits for the field to be left;
 * - saves of one field never overlap: a change made while a save runs is saved right after it,
 *   so the backend receives a field's values in the order they were typed;
 * - a refused value stays in the field with the backend's message (`error`) until a later
 *   value is accepted; nothing replaces it;
 * - `flushAll` starts every waiting save at once (leaving the page, closing the window).
 *
 * No framework in here: the React binding is `ui/shared/useAutosave.ts`.
 */
import type { Failure } from "./bindings";
import { toFailure } from "./backend";

export type FieldStatus = "pending" | "saving" | "saved" | "error";

export type FieldSnapshot = {
    /** The value as typed, saved or not. */
    value: unknown;
    status: FieldStatus;
    /** Why the last attempt was refused, in the backend's language; `null` once accepted. */
    error: string | null;
};

export type AutosaveSummary = {
    /** Fields waiting for their delay or being saved. */
    busy: number;
    /** Fields whose value was refused and is not saved. */
    errors: number;
    /** When a save last succeeded. */
    lastSavedAt: Date | null;
    /** The last failure that was not about a field's value (storage, not found…), until dismissed. */
    failure: Failure | null;
};

type Entry = {
    value: unknown;
    version: number;
    savedVersion: number;
    status: FieldStatus;
    error: string | null;
    save: (value: unknown) => Promise<unknown>;
    timer: ReturnType<typeof setTimeout> | null;
    inFlight: Promise<void> | null;
    again: boolean;
};

export type AutosaveOptions = {
    /** Quiet time after the last change before saving; default 600 ms. */
    delayMs?: number;
    /** Clock, for tests. */
    now?: () => Date;
};

export class Autosave {
    private readonly entries = new Map<string, Entry>();
    private readonly listeners = new Set<() => void>();
    private readonly delayMs: number;
    private readonly now: () => Date;
    private lastSavedAt: Date | null = null;
    private failure: Failure | null = null;
    private revision = 0;

    constructor(options: AutosaveOptions = {}) {
        this.delayMs = options.delayMs ?? 600;
        this.now = options.now ?? (() => new Date());
    }

    /**
     * Records a new value of field `key` and schedules its save. `save` receives the value and
     * rejects with a `Failure` when the backend refuses it.
     */
    change<V>(
        key: string,
        value: V,
        save: (value: V) => Promise<unknown>,
        options: { immediate?: boolean; whenLeft?: boolean } = {}
    ): void {
        let entry = this.entries.get(key);
        if (entry === undefined) {
            entry = {
                value,
                version: 0,
                savedVersion: 0,
                status: "pending",
                error: null,
                save: save as (value: unknown) => Promise<unknown>,
                timer: null,
                inFlight: null,
                again: false
            };
            this.entries.set(key, entry);
        }
        entry.value = value;
        entry.save = save as (value: unknown) => Promise<unknown>;
        entry.version += 1;
        if (entry.status !== "saving") entry.status = "pending";
        if (entry.timer !== null) clearTimeout(entry.timer);
        entry.timer = null;
        if (options.immediate) {
            void this.run(entry);
        } else if (options.whenLeft) {
            // Saved when the field is left (`flush`) or the screen closes (`flushAll`).
        } else {
            const target = entry;
            entry.timer = setTimeout(() => {
                target.timer = null;
                void this.run(target);
            }, this.delayMs);
        }
        this.notify();
    }

    /** Saves the field now if a change is waiting (the field lost focus). */
    flush(key: string): Promise<void> {
        const entry = this.entries.get(key);
        if (entry === undefined) return Promise.resolve();
        return this.run(entry);
    }

    /** Saves every waiting change now. */
    async flushAll(): Promise<void> {
        await Promise.all([...this.entries.values()].map(entry => this.run(entry)));
    }

    /** What the field shows: its typed value, status and error; `undefined` if never changed. */
    get(key: string): FieldSnapshot | undefined {
        const entry = this.entries.get(key);
        return entry && { value: entry.value, status: entry.status, error: entry.error };
    }

    summary(): AutosaveSummary {
        let busy = 0;
        let errors = 0;
        for (const entry of this.entries.values()) {
            if (entry.error !== null) errors += 1;
            else if (entry.status === "pending" || entry.status === "saving") busy += 1;
        }
        return { busy, errors, lastSavedAt: this.lastSavedAt, failure: this.failure };
    }

    dismissFailure(): void {
        this.failure = null;
        this.notify();
    }

    /**
     * Drops the fields whose key starts with `prefix` (a deleted milestone): their waiting
     * changes are cancelled since the record is gone.
     */
    forget(prefix: string): void {
        for (const [key, entry] of this.entries) {
            if (key.startsWith(prefix)) {
                if (entry.timer !== null) clearTimeout(entry.timer);
                this.entries.delete(key);
            }
        }
        this.notify();
    }

    /**
     * Drops the fields whose last value is saved and nothing waits: they show the stored value
     * again (read anew after changes came from the server). Fields waiting, saving or refused
     * keep what was typed.
     */
    forgetSaved(): void {
        let dropped = false;
        for (const [key, entry] of this.entries) {
            const idle = entry.timer === null && entry.inFlight === null && entry.version === entry.savedVersion;
            if (idle && entry.status === "saved" && entry.error === null) {
                this.entries.delete(key);
                dropped = true;
            }
        }
        if (dropped) this.notify();
    }

    /** A number that changes whenever anything shown changes (for `useSyncExternalStore`). */
    getRevision = (): number => this.revision;

    subscribe = (listener: () => void): (() => void) => {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    };

    private notify(): void {
        this.revision += 1;
        this.listeners.forEach(listener => listener());
    }

    private run(entry: Entry): Promise<void> {
        if (entry.timer !== null) {
            clearTimeout(entry.timer);
            entry.timer = null;
        }
        if (entry.inFlight !== null) {
            entry.again = true;
            return entry.inFlight;
        }
        if (entry.version === entry.savedVersion) return Promise.resolve();
        const version = entry.version;
        const value = entry.value;
        entry.status = "saving";
        this.notify();
        entry.inFlight = (async () => {
            try {
                await entry.save(value);
                entry.savedVersion = version;
                this.lastSavedAt = this.now();
                if (entry.version === version) {
                    entry.status = "saved";
                    entry.error = null;
                }
            } catch (error) {
                const failure = toFailure(error);
                // The refused value is the one still shown: mark it. A newer value will be tried next.
                entry.savedVersion = version;
                entry.error = failure.fields[0]?.message ?? failure.message;
                if (entry.version === version) entry.status = "error";
                if (failure.code !== "validation") this.failure = failure;
            } finally {
                entry.inFlight = null;
            }
            const pendingNewer = entry.version !== entry.savedVersion;
            if (pendingNewer) {
                entry.status = "pending";
                if (entry.again || entry.timer === null) {
                    entry.again = false;
                    void this.run(entry);
                }
            }
            entry.again = false;
            this.notify();
        })();
        return entry.inFlight;
    }
}
