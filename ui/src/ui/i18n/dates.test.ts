import { describe, expect, test } from "vitest";
import { dateProblemText, readTypedDate, shiftDate, today, typedDate, type TypedDate } from "./dates";
import { en } from "./en";
import { formatDate } from "./format";
import { fr } from "./fr";

const date = (iso: string): TypedDate => ({ kind: "date", iso });
/** What the field says under a typed text, in French and in English. */
const said = (typed: string) => {
    const read = readTypedDate(typed);
    if (read.kind !== "invalid") throw new Error(`${typed} is ${read.kind}`);
    return { fr: dateProblemText(fr, read.problem), en: dateProblemText(en, read.problem) };
};

describe("dates typed in the interface's language", () => {
    test("day, month, year, whatever the separator, give the date the core stores", () => {
        for (const typed of ["31/12/2026", "31-12-2026", "31.12.2026", "31 12 2026", " 31/12/2026 ", "31122026"]) {
            expect(readTypedDate(typed), typed).toEqual(date("2026-12-31"));
        }
        expect(readTypedDate("1/2/2026")).toEqual(date("2026-02-01"));
        expect(readTypedDate("05/01/2022")).toEqual(date("2022-01-05"));
    });

    test("the month in letters, French or English, and the stored form are read too", () => {
        for (const typed of ["31 décembre 2026", "31 Décembre 2026", "31 decembre 2026", "31 Dec 2026", "31 December 2026", "31 déc. 2026", "2026-12-31"]) {
            expect(readTypedDate(typed), typed).toEqual(date("2026-12-31"));
        }
        expect(readTypedDate("1er janvier 2027")).toEqual(date("2027-01-01"));
        expect(readTypedDate("29 févr. 2024")).toEqual(date("2024-02-29"));
    });

    test("an empty field is no date", () => {
        expect(readTypedDate("")).toEqual({ kind: "empty" });
        expect(readTypedDate("   ")).toEqual({ kind: "empty" });
    });

    test("a stored date is shown as it is typed, in both languages", () => {
        expect(typedDate("2026-12-31")).toBe("31/12/2026");
        expect(typedDate("2022-01-05")).toBe("05/01/2022");
        expect(typedDate("")).toBe("");
        expect(typedDate("31/02/2026")).toBe("31/02/2026");
        // Elsewhere (lists, the overview) a date is shown in the interface's language.
        expect(formatDate("2026-12-31", "fr")).toBe("31/12/2026");
        expect(formatDate("2026-12-31", "en")).toBe("31 Dec 2026");
    });

    test("what is wrong with a typed date is said in French, precisely", () => {
        expect(said("31/02/2026").fr).toBe("Il n'y a pas de 31 février 2026 : ce mois compte 28 jours.");
        expect(said("29/02/2025").fr).toBe("Il n'y a pas de 29 février 2025 : ce mois compte 28 jours.");
        expect(readTypedDate("29/02/2024")).toEqual(date("2024-02-29"));
        expect(said("12/31/2026").fr).toBe("Il n'y a pas de mois 31 : écrivez d'abord le jour, puis le mois (de 1 à 12), puis l'année.");
        expect(said("31/12/26").fr).toBe("Écrivez l'année en entier, sur quatre chiffres : par exemple 31/12/2026 et non 31/12/26.");
        expect(said("31/12").fr).toBe("Date incomplète : écrivez le jour, le mois et l'année, au format jj/mm/aaaa, par exemple 31/12/2026.");
        expect(said("31/").fr).toBe(said("31/12").fr);
        expect(said("31 déc").fr).toBe(said("31/12").fr);
        expect(said("demain").fr).toBe("« demain » n'est pas une date : écrivez-la au format jj/mm/aaaa, par exemple 31/12/2026.");
        expect(said("31 brumaire 2026").fr).toContain("n'est pas une date");
        expect(said("00/12/2026").fr).toBe("Il n'y a pas de 0 décembre 2026 : ce mois compte 31 jours.");
    });

    test("and in English", () => {
        expect(said("31/02/2026").en).toBe("There is no 31 February 2026: that month has 28 days.");
        expect(said("12/31/2026").en).toBe("There is no month 31: type the day first, then the month (1 to 12), then the year.");
        expect(said("31/12/26").en).toBe("Type the year in full, with four digits: for example 31/12/2026, not 31/12/26.");
        expect(said("tomorrow").en).toBe("“tomorrow” is not a date: type it as day/month/year, for example 31/12/2026.");
    });

    test("the hint says the format in each language", () => {
        expect(fr.dates.hint).toBe("Au format jj/mm/aaaa, par exemple 31/12/2026.");
        expect(en.dates.hint).toBe("Day/month/year, for example 31/12/2026.");
    });

    test("the keyboard moves a date by days and months, across months and years", () => {
        expect(shiftDate("2026-12-31", { days: 1 })).toBe("2027-01-01");
        expect(shiftDate("2026-03-01", { days: -1 })).toBe("2026-02-28");
        expect(shiftDate("2026-01-31", { months: 1 })).toBe("2026-02-28");
        expect(shiftDate("2024-01-31", { months: 1 })).toBe("2024-02-29");
        expect(shiftDate("2026-01-15", { months: -1 })).toBe("2025-12-15");
        expect(today(new Date(2026, 11, 31, 23, 30))).toBe("2026-12-31");
    });
});
