import { describe, expect, test } from "vitest";
import { RECENT_LIMIT, withRecent } from "./recent";

describe("recently chosen", () => {
    test("the latest choice comes first, once", () => {
        expect(withRecent([], "a")).toEqual(["a"]);
        expect(withRecent(["a", "b", "c"], "c")).toEqual(["c", "a", "b"]);
        expect(withRecent(["a", "b"], "a")).toEqual(["a", "b"]);
    });

    test("the list stays short: the oldest choice goes", () => {
        const full = ["a", "b", "c", "d", "e"];
        expect(full).toHaveLength(RECENT_LIMIT);
        expect(withRecent(full, "f")).toEqual(["f", "a", "b", "c", "d"]);
        expect(withRecent(["a", "b", "c"], "d", 2)).toEqual(["d", "a"]);
    });
});
