/**
 * The backend's input rules, as the in-memory mock applies them, with the same field names and
 * the same sentences in French and English. The Rust domain crate is the reference
 * (`crates/domain/src/text.rs`, `period.rs`, `invalid.rs`); this copy exists only so that the
 * screens can be exercised in a browser without the desktop app.
 */
import type { Failure, Locale } from "../../bindings";

export type Problem =
    | { kind: "required" }
    | { kind: "tooLong"; max: number; len: number }
    | { kind: "controlCharacters" }
    | { kind: "email" }
    | { kind: "phone" }
    | { kind: "date" }
    | { kind: "outsidePeriod"; start: string; end: string }
    | { kind: "endBeforeStart"; start: string }
    | { kind: "startAfterEnd"; end: string }
    | { kind: "unknownReference" }
    | { kind: "duplicate" }
    | { kind: "datesOutsideNewPeriod"; count: number };

/** A refused value: the field's camelCase name and why. */
export type Invalid = { field: string; problem: Problem };

/** `17/12/2021` in French, `2021-12-17` in English, like the backend's messages. */
function day(iso: string, locale: Locale): string {
    if (locale === "en") return iso;
    const [y, m, d] = iso.split("-");
    return `${d}/${m}/${y}`;
}

export function problemMessage(problem: Problem, locale: Locale): string {
    const fr = locale === "fr";
    switch (problem.kind) {
        case "required":
            return fr ? "Ce champ est obligatoire." : "This field is required.";
        case "tooLong":
            return fr
                ? `Ce texte est trop long : ${problem.len} caractères pour ${problem.max} au plus.`
                : `This text is too long: ${problem.len} characters, at most ${problem.max}.`;
        case "controlCharacters":
            return fr
                ? "Ce texte contient des caractères de contrôle invisibles ; retirez-les."
                : "This text contains invisible control characters; remove them.";
        case "email":
            return fr
                ? "Adresse électronique invalide : elle doit être de la forme prenom.nom@exemple.gouv.fr."
                : "Invalid e-mail address: it must look like first.last@example.gouv.fr.";
        case "phone":
            return fr
                ? "Numéro de téléphone invalide : chiffres, espaces, points, tirets, parenthèses et « + » uniquement."
                : "Invalid phone number: digits, spaces, dots, dashes, brackets and “+” only.";
        case "date":
            return fr ? "Date invalide : utilisez le format JJ/MM/AAAA." : "Invalid date: use the format YYYY-MM-DD.";
        case "outsidePeriod":
            return fr
                ? `La date doit être comprise dans la période du plan d'action, du ${day(problem.start, locale)} au ${day(problem.end, locale)}.`
                : `The date must fall within the action plan's period, from ${day(problem.start, locale)} to ${day(problem.end, locale)}.`;
        case "endBeforeStart":
            return fr
                ? `Cette date doit être postérieure ou égale à la date de début (${day(problem.start, locale)}).`
                : `This date must be on or after the start date (${day(problem.start, locale)}).`;
        case "startAfterEnd":
            return fr
                ? `Cette date doit être antérieure ou égale à la date de fin (${day(problem.end, locale)}).`
                : `This date must be on or before the end date (${day(problem.end, locale)}).`;
        case "unknownReference":
            return fr
                ? "L'élément choisi n'existe plus ; choisissez-en un autre."
                : "The chosen item no longer exists; choose another one.";
        case "duplicate":
            return fr ? "Une institution porte déjà ce nom." : "An institution with this name already exists.";
        case "datesOutsideNewPeriod":
            return fr
                ? `Impossible : ${problem.count} date(s) d'engagements ou de jalons sortiraient de cette période. Modifiez-les d'abord.`
                : `Not possible: ${problem.count} commitment or milestone date(s) would fall outside this period. Change them first.`;
    }
}

/** A validation failure listing every refused field, shaped like the backend's. */
export function invalidFailure(problems: Invalid[], locale: Locale): Failure {
    const fields = problems.map(p => ({ field: p.field, message: problemMessage(p.problem, locale) }));
    const message =
        fields.length === 1 && fields[0]
            ? fields[0].message
            : locale === "fr"
              ? `${fields.length} champs sont à corriger.`
              : `${fields.length} fields need correcting.`;
    return { code: "validation", message, fields };
}

/** Thrown inside the mock when a value is refused; turned into a `Failure` at the boundary. */
export class Refused extends Error {
    constructor(readonly problems: Invalid[]) {
        super("refused");
    }
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: Problem };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const no = <T>(problem: Problem): Parsed<T> => ({ ok: false, problem });

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_EXCEPT_NEWLINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const length = (text: string) => [...text].length;
const singleLine = (raw: string) => raw.split(/\s+/u).filter(Boolean).join(" ");

export const TITLE_MAX = 300;
export const SHORT_MAX = 200;
export const LONG_MAX = 20_000;
export const ACRONYM_MAX = 30;

export function parseTitle(raw: string): Parsed<string> {
    const text = singleLine(raw);
    if (text === "") return no({ kind: "required" });
    if (length(text) > TITLE_MAX) return no({ kind: "tooLong", max: TITLE_MAX, len: length(text) });
    if (CONTROL.test(text)) return no({ kind: "controlCharacters" });
    return ok(text);
}

export function parseShort(raw: string, max = SHORT_MAX, required = false): Parsed<string> {
    const text = singleLine(raw);
    if (length(text) > max) return no({ kind: "tooLong", max, len: length(text) });
    if (CONTROL.test(text)) return no({ kind: "controlCharacters" });
    if (required && text === "") return no({ kind: "required" });
    return ok(text);
}

export function parseLong(raw: string): Parsed<string> {
    const text = raw.replace(/\r\n/g, "\n").replace(/\r/g, "\n").trimEnd().replace(/^\n+/, "");
    if (length(text) > LONG_MAX) return no({ kind: "tooLong", max: LONG_MAX, len: length(text) });
    if (CONTROL_EXCEPT_NEWLINES.test(text)) return no({ kind: "controlCharacters" });
    return ok(text);
}

export function parseEmail(raw: string): Parsed<string> {
    const text = raw.trim();
    if (text === "") return ok("");
    if (length(text) > 254) return no({ kind: "tooLong", max: 254, len: length(text) });
    const at = text.indexOf("@");
    if (at < 0) return no({ kind: "email" });
    const local = text.slice(0, at);
    const domain = text.slice(at + 1);
    const valid =
        local !== "" &&
        !domain.includes("@") &&
        !/\s/u.test(text) &&
        !CONTROL.test(text) &&
        !local.startsWith(".") &&
        !local.endsWith(".") &&
        domain.includes(".") &&
        domain
            .split(".")
            .every(label => label !== "" && !label.startsWith("-") && !label.endsWith("-") && /^[\p{L}\p{N}-]+$/u.test(label));
    return valid ? ok(text) : no({ kind: "email" });
}

export function parsePhone(raw: string): Parsed<string> {
    const text = singleLine(raw);
    if (text === "") return ok("");
    if (length(text) > 30) return no({ kind: "tooLong", max: 30, len: length(text) });
    const allowed = /^[0-9 .\-()+]*$/.test(text);
    const digits = text.replace(/[^0-9]/g, "").length;
    const plusOk = text.lastIndexOf("+") <= 0;
    return allowed && plusOk && digits >= 4 && digits <= 15 ? ok(text) : no({ kind: "phone" });
}

/** `YYYY-MM-DD` as a real calendar date; blank is "no date". */
export function parseOptionalDate(raw: string): Parsed<string | null> {
    const text = raw.trim();
    if (text === "") return ok(null);
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match) return no({ kind: "date" });
    const [, y, m, d] = match.map(Number) as [number, number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return no({ kind: "date" });
    return ok(text);
}

export function parseRequiredDate(raw: string): Parsed<string> {
    const parsed = parseOptionalDate(raw);
    if (!parsed.ok) return parsed;
    return parsed.value === null ? no({ kind: "required" }) : ok(parsed.value);
}

export type Period = { start: string; end: string };

/** ISO dates compare as strings. */
export function checkInPeriod(date: string | null, period: Period): Parsed<string | null> {
    if (date !== null && (date < period.start || date > period.end)) {
        return no({ kind: "outsidePeriod", start: period.start, end: period.end });
    }
    return ok(date);
}

export function optionalDateInPeriod(raw: string, period: Period): Parsed<string | null> {
    const parsed = parseOptionalDate(raw);
    return parsed.ok ? checkInPeriod(parsed.value, period) : parsed;
}

/** Collects the problems of several fields so a form shows them all at once. */
export class Problems {
    private readonly list: Invalid[] = [];

    check<T>(field: string, parsed: Parsed<T>): T | undefined {
        if (parsed.ok) return parsed.value;
        this.list.push({ field, problem: parsed.problem });
        return undefined;
    }

    push(field: string, problem: Problem): void {
        this.list.push({ field, problem });
    }

    finish(): void {
        if (this.list.length > 0) throw new Refused(this.list);
    }
}

/** One value checked on its own (an autosaved field). */
export function single<T>(field: string, parsed: Parsed<T>): T {
    if (!parsed.ok) throw new Refused([{ field, problem: parsed.problem }]);
    return parsed.value;
}

/** Lower case, accents removed: "Écologique" → "ecologique". */
export function fold(text: string): string {
    return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

function words(text: string): string[] {
    return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * Whether `text` matches `query`: every word of the query is a word of the text, the last one
 * possibly as a prefix (the person is still typing it). Case and accents are ignored.
 */
export function matchesQuery(text: string, query: string): boolean {
    const wanted = words(query);
    if (wanted.length === 0) return true;
    const have = words(text);
    return wanted.every((word, i) =>
        i === wanted.length - 1 ? have.some(w => w.startsWith(word)) : have.includes(word)
    );
}
