import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { Autosave } from "./autosave";
import type { Failure } from "./bindings";

const refused = (message: string): Failure => ({ code: "validation", message, fields: [{ field: "contactEmail", message }] });

/** A save function whose calls are recorded and settled by the test. */
function controlledSave() {
    const calls: { value: string; resolve: () => void; reject: (failure: Failure) => void }[] = [];
    const save = (value: string) =>
        new Promise<void>((resolve, reject) => {
            calls.push({ value, resolve, reject });
        });
    return { calls, save };
}

const flushPromises = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe("autosave", () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    test("typing saves once, 600 ms after the last keystroke, with the last value", async () => {
        const autosave = new Autosave();
        const save = vi.fn(async (_: string) => {});
        for (const value of ["P", "Pr", "Pro", "Problème"]) {
            autosave.change("problem", value, save);
            vi.advanceTimersByTime(300);
        }
        expect(save).not.toHaveBeenCalled();
        expect(autosave.summary().busy).toBe(1);
        vi.advanceTimersByTime(300);
        expect(save).toHaveBeenCalledTimes(1);
        expect(save).toHaveBeenCalledWith("Problème");
    });

    test("a value that is not finished waits for the field to be left, then is saved", async () => {
        const autosave = new Autosave();
        const save = vi.fn(async (_: string) => {});
        autosave.change("startDate", "31/12", save, { whenLeft: true });
        vi.advanceTimersByTime(5_000);
        expect(save).not.toHaveBeenCalled();
        expect(autosave.get("startDate")?.status).toBe("pending");
        // Finished while typing: saved as usual, after the delay.
        autosave.change("startDate", "2026-12-31", save);
        vi.advanceTimersByTime(600);
        expect(save).toHaveBeenCalledWith("2026-12-31");
        autosave.change("startDate", "31/12/20", save, { whenLeft: true });
        await flushPromises();
        await autosave.flush("startDate");
        expect(save).toHaveBeenLastCalledWith("31/12/20");
    });

    test("status goes pending → saving → saved, with the time of the save", async () => {
        const at = new Date(2024, 0, 5, 14, 32);
        const autosave = new Autosave({ now: () => at });
        const { calls, save } = controlledSave();
        expect(autosave.summary()).toMatchObject({ busy: 0, errors: 0, lastSavedAt: null });
        autosave.change("title", "Ouvrir les données", save);
        expect(autosave.get("title")?.status).toBe("pending");
        vi.advanceTimersByTime(600);
        expect(autosave.get("title")?.status).toBe("saving");
        calls[0]!.resolve();
        await flushPromises();
        expect(autosave.get("title")?.status).toBe("saved");
        expect(autosave.summary()).toEqual({ busy: 0, errors: 0, lastSavedAt: at, failure: null });
    });

    test("leaving the field saves at once", async () => {
        const autosave = new Autosave();
        const save = vi.fn(async (_: string) => {});
        autosave.change("causes", "Des causes", save);
        await autosave.flush("causes");
        expect(save).toHaveBeenCalledWith("Des causes");
        vi.advanceTimersByTime(1000);
        expect(save).toHaveBeenCalledTimes(1);
    });

    test("a refused value stays in the field with the backend's message until a later one is accepted", async () => {
        const autosave = new Autosave();
        const { calls, save } = controlledSave();
        autosave.change("contactEmail", "marie.curie", save);
        vi.advanceTimersByTime(600);
        calls[0]!.reject(refused("Adresse électronique invalide."));
        await flushPromises();
        expect(autosave.get("contactEmail")).toEqual({
            value: "marie.curie",
            status: "error",
            error: "Adresse électronique invalide."
        });
        expect(autosave.summary().errors).toBe(1);
        expect(autosave.summary().failure).toBeNull();

        autosave.change("contactEmail", "marie.curie@exemple.gouv.fr", save);
        // Still not saved while the correction waits.
        expect(autosave.summary().errors).toBe(1);
        vi.advanceTimersByTime(600);
        calls[1]!.resolve();
        await flushPromises();
        expect(autosave.get("contactEmail")).toEqual({ value: "marie.curie@exemple.gouv.fr", status: "saved", error: null });
        expect(autosave.summary().errors).toBe(0);
    });

    test("saves of one field never overlap and the last value typed is saved last", async () => {
        const autosave = new Autosave();
        const { calls, save } = controlledSave();
        autosave.change("solution", "v1", save);
        vi.advanceTimersByTime(600);
        expect(calls.map(c => c.value)).toEqual(["v1"]);
        autosave.change("solution", "v2", save);
        void autosave.flush("solution");
        await flushPromises();
        // v2 waits for v1.
        expect(calls.map(c => c.value)).toEqual(["v1"]);
        calls[0]!.resolve();
        await flushPromises();
        expect(calls.map(c => c.value)).toEqual(["v1", "v2"]);
        expect(autosave.get("solution")?.status).toBe("saving");
        calls[1]!.resolve();
        await flushPromises();
        expect(autosave.get("solution")?.status).toBe("saved");
    });

    test("a failure that is not about the value is reported for an alert, and the value kept", async () => {
        const autosave = new Autosave();
        const failure: Failure = { code: "storage", message: "Le disque est plein.", fields: [] };
        autosave.change("problem", "Texte", async () => {
            throw failure;
        }, { immediate: true });
        await flushPromises();
        expect(autosave.get("problem")).toEqual({ value: "Texte", status: "error", error: "Le disque est plein." });
        expect(autosave.summary().failure).toEqual(failure);
        autosave.dismissFailure();
        expect(autosave.summary().failure).toBeNull();
    });

    test("flushAll saves every waiting field (leaving the screen)", async () => {
        const autosave = new Autosave();
        const save = vi.fn(async (_: string) => {});
        autosave.change("a", "1", save);
        autosave.change("b", "2", save);
        await autosave.flushAll();
        expect(save.mock.calls.map(c => c[0]).sort()).toEqual(["1", "2"]);
    });

    test("forgetting a deleted record's fields cancels their waiting saves", async () => {
        const autosave = new Autosave();
        const save = vi.fn(async (_: string) => {});
        autosave.change("milestone.m1.title", "x", save);
        autosave.forget("milestone.m1.");
        vi.advanceTimersByTime(1000);
        expect(save).not.toHaveBeenCalled();
        expect(autosave.get("milestone.m1.title")).toBeUndefined();
    });

    test("listeners hear every change", () => {
        const autosave = new Autosave();
        const listener = vi.fn();
        const unsubscribe = autosave.subscribe(listener);
        const before = autosave.getRevision();
        autosave.change("x", "1", async () => {});
        expect(listener).toHaveBeenCalled();
        expect(autosave.getRevision()).toBeGreaterThan(before);
        unsubscribe();
    });

    test("after changes from the server, saved fields show the stored value again; waiting or refused ones keep the typed text", async () => {
        const autosave = new Autosave();
        const { calls, save } = controlledSave();
        autosave.change("problem", "Saved", save, { immediate: true });
        calls[0]!.resolve();
        await flushPromises();
        autosave.change("causes", "Still typing", save);
        autosave.change("contactEmail", "marie", save, { immediate: true });
        calls[1]!.reject(refused("Adresse électronique invalide."));
        await flushPromises();
        autosave.change("solution", "Being saved", save, { immediate: true });
        autosave.forgetSaved();
        expect(autosave.get("problem")).toBeUndefined();
        expect(autosave.get("causes")?.value).toBe("Still typing");
        expect(autosave.get("contactEmail")).toMatchObject({ value: "marie", status: "error" });
        expect(autosave.get("solution")).toMatchObject({ value: "Being saved", status: "saving" });
    });
});
