/**
 * The one date field of the interface. It shows and takes dates in the interface's language
 * whatever the operating system's locale — day, month, year, `31/12/2026`, as `i18n/dates.ts`
 * reads them — where a native `<input type="date">` would follow the system's. The core receives
 * what it stores, `YYYY-MM-DD` (or `""`); a text that is not a date is said wrong under the field,
 * precisely, with the fields' usual error display, when the person leaves it.
 *
 * Keyboard: it is a text field (type, erase, paste); ↑ and ↓ move the date by a day, Page up and
 * Page down by a month (on an empty field, ↑ or ↓ writes today's date).
 *
 * `AutosaveDateField` is the same field saving itself through an {@link Autosave} coordinator, as
 * the other fields of the commitment screen do.
 */
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useState, type KeyboardEvent, type ReactNode } from "react";
import type { Autosave } from "../../core/autosave";
import type { Failure } from "../../core/bindings";
import { dateProblemText, isStoredDate, readTypedDate, shiftDate, today, typedDate } from "../i18n/dates";
import { useT } from "../i18n";

type Props = {
    /** The `id` of the input: kept from the fields it replaces, tests type into it. */
    id: string;
    label: ReactNode;
    /** Said after the format's hint (an imported date's original text, for instance). */
    hint?: ReactNode;
    /** The date as the core stores it (`YYYY-MM-DD`, or `""`), or a text typed that is not a date. */
    value: string;
    /**
     * Called as the person types, with what the core stores: the date `YYYY-MM-DD`, `""` when the
     * field is emptied, or the text as typed when it is not a date (the core refuses it; the
     * field says why when it is left).
     */
    onChange: (value: string) => void;
    onBlur?: () => void;
    /** A message from elsewhere (the backend's refusal); a typed text that is not a date comes first. */
    error?: ReactNode;
    /** Whether the field says itself what is wrong with a typed text (off when its caller does). */
    sayProblem?: boolean;
    required?: boolean;
    className?: string;
};

/** The text a stored value is shown as in the field. */
const shown = (value: string) => (isStoredDate(value) ? typedDate(value) : value);

export function DateField(props: Props) {
    const t = useT();
    // What is typed, and the value it was reported as: a new value from outside (a form reset,
    // the stored date read again) replaces the text; the echo of what was typed does not.
    const [typed, setTyped] = useState({ value: props.value, text: shown(props.value) });
    const [left, setLeft] = useState(false);
    if (props.value !== typed.value) {
        setTyped({ value: props.value, text: shown(props.value) });
        setLeft(false);
    }
    const read = readTypedDate(typed.text);
    const problem = props.sayProblem !== false && left && read.kind === "invalid" ? dateProblemText(t, read.problem) : null;
    const error = problem ?? props.error;

    function change(text: string) {
        const date = readTypedDate(text);
        const value = date.kind === "date" ? date.iso : date.kind === "empty" ? "" : text;
        setTyped({ value, text });
        if (date.kind !== "invalid") setLeft(false);
        props.onChange(value);
    }

    function keyDown(event: KeyboardEvent<HTMLInputElement>) {
        const moves: Record<string, { days?: number; months?: number }> = {
            ArrowUp: { days: 1 },
            ArrowDown: { days: -1 },
            PageUp: { months: 1 },
            PageDown: { months: -1 }
        };
        const move = moves[event.key];
        if (move === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
        if (read.kind === "invalid") return;
        event.preventDefault();
        change(typedDate(read.kind === "date" ? shiftDate(read.iso, move) : today()));
    }

    function blur() {
        // A date typed another way (1/2/2026, 2026-02-01, 1 Feb 2026) is written back as dd/mm/yyyy.
        if (read.kind === "date" && typed.text !== typedDate(read.iso)) setTyped({ value: read.iso, text: typedDate(read.iso) });
        setLeft(true);
        props.onBlur?.();
    }

    return (
        <Input
            className={props.className}
            label={props.label}
            hintText={
                <>
                    {t.dates.hint}
                    {props.hint !== undefined && <> {props.hint}</>}
                </>
            }
            {...(error === undefined || error === null ? { state: "default" as const } : { state: "error" as const, stateRelatedMessage: error })}
            nativeInputProps={{
                id: props.id,
                type: "text",
                value: typed.text,
                required: props.required,
                autoComplete: "off",
                spellCheck: false,
                onChange: e => change(e.target.value),
                onKeyDown: keyDown,
                onBlur: blur
            }}
        />
    );
}

/**
 * A date field of a record saved field by field. A finished date (or an emptied field) is saved
 * like any typed value; a text that is not a date yet waits for the field to be left, then is
 * refused here, without reaching the core, with the reason and "Non enregistré" under the field
 * until a date is typed.
 */
export function AutosaveDateField(props: {
    autosave: Autosave;
    /** Identifies the field in the coordinator, e.g. `commitment.startDate`. */
    saveKey: string;
    id: string;
    /** The field's name in the core (`startDate`), for the refusal of a text that is not a date. */
    field: string;
    label: ReactNode;
    hint?: ReactNode;
    /** The stored date, `YYYY-MM-DD`, or `""`. */
    value: string;
    save: (value: string) => Promise<unknown>;
    className?: string;
}) {
    const t = useT();
    const { autosave, saveKey } = props;
    const snapshot = autosave.get(saveKey);
    const value = snapshot === undefined ? props.value : (snapshot.value as string);
    const save = async (typed: string) => {
        if (isStoredDate(typed)) return props.save(typed);
        const read = readTypedDate(typed);
        const message = read.kind === "invalid" ? dateProblemText(t, read.problem) : typed;
        const refusal: Failure = { code: "validation", message, fields: [{ field: props.field, message }] };
        throw refusal;
    };
    return (
        <DateField
            className={props.className}
            id={props.id}
            label={props.label}
            hint={props.hint}
            value={value}
            sayProblem={false}
            error={
                snapshot?.error ? (
                    <span>
                        {snapshot.error} <strong>{t.app.notSaved}</strong>
                    </span>
                ) : undefined
            }
            onChange={next => autosave.change(saveKey, next, save, { whenLeft: !isStoredDate(next) })}
            onBlur={() => void autosave.flush(saveKey)}
        />
    );
}
