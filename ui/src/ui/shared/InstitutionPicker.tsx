/**
 * Choosing institutions among many (1,300 with the whole OGP database imported) by typing a few
 * letters of the name or the acronym: an editable combobox with a listbox popup, as the WAI-ARIA
 * Authoring Practices describe it (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/), in
 * DSFR's look (`fr-input-group`, `fr-input`, dismissible `fr-tag`s).
 *
 * - Typing filters the list and opens it (see `textSearch.ts` for what matches); a click, ↓ or
 *   ↑ opens it too. ↓ and ↑ move in the list (the focus stays in the field, the option is
 *   pointed to by `aria-activedescendant`), Enter chooses, Escape closes the list and puts the
 *   field back, Tab leaves without choosing.
 * - The list shows the institutions chosen lately on this device first, then the others in
 *   alphabetical order, never more than `SHOWN_LIMIT` (`institutionChoices.ts`), with a line
 *   saying how many more match.
 * - One institution (`value: string | null`): the field shows its name, and a button removes it.
 *   Several (`multiple`, `value: string[]`): each one chosen is a tag above the field whose
 *   button, "Retirer …", removes it; choosing one already chosen in the list removes it too.
 * - Each choice calls `onChange` at once and is announced to screen readers. Under a disabled
 *   `<fieldset>` the field and the buttons are disabled like any other control.
 */
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import type { Institution } from "../../core/bindings";
import { useLocale, useT } from "../i18n";
import { choicesFor, institutionIndex } from "./institutionChoices";
import { institutionLabel } from "./institutionLabel";
import { readRecent, rememberRecent } from "./recent";

type Common = {
    /** The `id` of the field; the list, its options and the remove buttons are named after it. */
    id: string;
    label: ReactNode;
    hint?: ReactNode;
    institutions: readonly Institution[];
    /** The message shown in error state. */
    error?: ReactNode;
    /** Shown in the empty field. */
    placeholder?: string;
    className?: string;
};

export type InstitutionPickerProps = Common &
    (
        | { multiple?: false; value: string | null; onChange: (id: string | null) => void }
        | { multiple: true; value: string[]; onChange: (ids: string[]) => void }
    );

export function InstitutionPicker(props: InstitutionPickerProps) {
    const t = useT();
    const locale = useLocale();
    const { id, institutions } = props;
    const [open, setOpen] = useState(false);
    /** What is typed; `null` while the person is not searching (the field shows the choice). */
    const [query, setQuery] = useState<string | null>(null);
    const [active, setActive] = useState(-1);
    const [recentIds, setRecentIds] = useState<string[]>([]);
    const [announcement, setAnnouncement] = useState("");
    const field = useRef<HTMLInputElement>(null);
    const tags = useRef<HTMLUListElement>(null);

    const chosenIds = props.multiple ? props.value : props.value === null ? [] : [props.value];
    const chosen = chosenIds.map(chosenId => institutions.find(i => i.id === chosenId)).filter((i): i is Institution => i !== undefined);
    const single = props.multiple ? undefined : chosen[0];

    // Computed only while the list is open: a closed picker costs nothing, however many there are.
    const choices = useMemo(
        () => (open ? choicesFor(institutionIndex(institutions, locale), query ?? "", recentIds) : null),
        [open, institutions, locale, query, recentIds]
    );
    const options = useMemo(() => (choices ? [...choices.recent, ...choices.others] : []), [choices]);
    const activeOption = options[active];
    const expanded = open && options.length > 0;

    const listboxId = `${id}-listbox`;
    const labelId = `${id}-label`;
    const errorId = `${id}-error`;
    const optionId = (institution: Institution) => `${id}-option-${institution.id}`;

    const activeId = expanded && activeOption ? optionId(activeOption) : undefined;
    useEffect(() => {
        if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: "nearest" });
    }, [activeId]);

    function openList() {
        if (open) return;
        setRecentIds(readRecent("institutions"));
        setOpen(true);
    }

    function close() {
        setOpen(false);
        setQuery(null);
        setActive(-1);
        // Still in the field, the choice shown is selected: what is typed next replaces it.
        requestAnimationFrame(() => {
            if (document.activeElement === field.current) field.current?.select();
        });
    }

    function choose(institution: Institution) {
        const label = institutionLabel(institution);
        if (props.multiple) {
            if (props.value.includes(institution.id)) {
                props.onChange(props.value.filter(i => i !== institution.id));
                setAnnouncement(t.picker.removed(label));
            } else {
                props.onChange([...props.value, institution.id]);
                rememberRecent("institutions", institution.id);
                setAnnouncement(t.picker.picked(label));
            }
        } else {
            if (props.value !== institution.id) props.onChange(institution.id);
            rememberRecent("institutions", institution.id);
            setAnnouncement(t.picker.picked(label));
        }
        close();
    }

    function clearSingle(institution: Institution) {
        if (props.multiple) return;
        props.onChange(null);
        setAnnouncement(t.picker.removed(institutionLabel(institution)));
        close();
        field.current?.focus();
    }

    function removeTag(institution: Institution, position: number) {
        if (!props.multiple) return;
        props.onChange(props.value.filter(i => i !== institution.id));
        setAnnouncement(t.picker.removed(institutionLabel(institution)));
        // The focus goes to the next tag (or the last one, or the field), not to the page's top.
        requestAnimationFrame(() => {
            const buttons = tags.current?.querySelectorAll("button") ?? [];
            const next = buttons[Math.min(position, buttons.length - 1)];
            (next ?? field.current)?.focus();
        });
    }

    function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
        const handled = () => {
            e.preventDefault();
            e.stopPropagation();
        };
        switch (e.key) {
            case "ArrowDown":
                handled();
                if (!open) {
                    openList();
                    setActive(e.altKey ? -1 : 0);
                } else if (options.length > 0) {
                    setActive(a => (a + 1) % options.length);
                }
                break;
            case "ArrowUp":
                handled();
                if (!open) openList();
                else if (options.length > 0) setActive(a => (a <= 0 ? options.length - 1 : a - 1));
                break;
            case "Enter":
                // Open, Enter chooses; it never submits the form around the field.
                if (open) {
                    handled();
                    if (activeOption) choose(activeOption);
                }
                break;
            case "Escape":
                if (open || query !== null) {
                    handled();
                    close();
                }
                break;
            case "Tab":
                close();
                break;
        }
    }

    const typed = query ?? "";
    const status = announcement || (open && typed.trim() !== "" ? (options.length > 0 ? t.picker.matching(options.length + (choices?.hidden ?? 0)) : t.picker.noMatch(typed)) : "");

    const renderOption = (institution: Institution, index: number) => {
        const isChosen = chosenIds.includes(institution.id);
        return (
            <div
                key={institution.id}
                id={optionId(institution)}
                role="option"
                aria-selected={props.multiple ? isChosen : index === active}
                className={`po-combobox__option${index === active ? " po-combobox__option--active" : ""}${isChosen ? " po-combobox__option--chosen" : ""}`}
                onClick={() => choose(institution)}
            >
                {isChosen && <span className="fr-icon-check-line fr-icon--sm po-combobox__check" aria-hidden="true" />}
                {institutionLabel(institution)}
            </div>
        );
    };

    return (
        <div className={["fr-input-group", "po-combobox", props.error ? "fr-input-group--error" : null, props.className].filter(Boolean).join(" ")}>
            <label className="fr-label" htmlFor={id} id={labelId}>
                {props.label}
                <span className="fr-hint-text">
                    {props.hint}
                    {props.hint !== undefined && " "}
                    {t.picker.instructions}
                </span>
            </label>
            {props.multiple && chosen.length > 0 && (
                <ul className="fr-tags-group po-combobox__tags" aria-label={t.picker.chosen} ref={tags} id={`${id}-chosen`}>
                    {chosen.map((institution, position) => (
                        <li key={institution.id}>
                            <button
                                type="button"
                                id={`${id}-${institution.id}`}
                                className="fr-tag fr-tag--dismiss"
                                aria-label={t.picker.remove(institutionLabel(institution))}
                                onClick={() => removeTag(institution, position)}
                            >
                                {institutionLabel(institution)}
                            </button>
                        </li>
                    ))}
                </ul>
            )}
            <div className="po-combobox__row">
                <div className="fr-input-wrap fr-icon-search-line po-combobox__box">
                    <input
                        ref={field}
                        id={id}
                        type="text"
                        className={`fr-input${props.error ? " fr-input--error" : ""}`}
                        role="combobox"
                        aria-expanded={expanded}
                        aria-controls={listboxId}
                        aria-autocomplete="list"
                        aria-activedescendant={activeId}
                        aria-describedby={props.error ? errorId : undefined}
                        autoComplete="off"
                        spellCheck={false}
                        placeholder={props.placeholder ?? (props.multiple ? t.picker.add : t.picker.choose)}
                        value={query ?? (single ? institutionLabel(single) : "")}
                        onChange={e => {
                            setQuery(e.target.value);
                            setAnnouncement("");
                            setActive(-1);
                            openList();
                        }}
                        onClick={e => {
                            // The choice shown is selected, so that typing replaces it.
                            if (query === null) e.currentTarget.select();
                            openList();
                        }}
                        onKeyDown={onKeyDown}
                        onBlur={close}
                    />
                    {/* Pressing in the list keeps the focus in the field (it would close the list). */}
                    <div className="po-combobox__popup" hidden={!open} onMouseDown={e => e.preventDefault()}>
                        {/* The list itself scrolls, as the combobox's popup (the notes below stay in sight). */}
                        <div
                            role="listbox"
                            className="po-combobox__listbox"
                            id={listboxId}
                            aria-labelledby={labelId}
                            aria-multiselectable={props.multiple ? true : undefined}
                            hidden={!expanded}
                        >
                            {choices && choices.recent.length > 0 ? (
                                <>
                                    <OptionGroup id={`${id}-recent`} label={t.picker.recentGroup}>
                                        {choices.recent.map((institution, index) => renderOption(institution, index))}
                                    </OptionGroup>
                                    {choices.others.length > 0 && (
                                        <OptionGroup id={`${id}-others`} label={t.picker.othersGroup}>
                                            {choices.others.map((institution, index) => renderOption(institution, choices.recent.length + index))}
                                        </OptionGroup>
                                    )}
                                </>
                            ) : (
                                options.map(renderOption)
                            )}
                        </div>
                        {choices && options.length === 0 && <p className="po-combobox__note">{t.picker.noMatch(typed)}</p>}
                        {choices && choices.hidden > 0 && (
                            <p className="po-combobox__note" data-testid={`${id}-hidden`}>
                                {t.picker.hidden(choices.hidden)}
                            </p>
                        )}
                    </div>
                </div>
                {single && (
                    <Button
                        id={`${id}-clear`}
                        type="button"
                        priority="tertiary"
                        iconId="fr-icon-close-line"
                        title={t.picker.remove(institutionLabel(single))}
                        onClick={() => clearSingle(single)}
                    />
                )}
            </div>
            <div className="fr-messages-group" aria-live="polite">
                {props.error && (
                    <p className="fr-message fr-message--error" id={errorId}>
                        {props.error}
                    </p>
                )}
            </div>
            <p className="fr-sr-only" role="status">
                {status}
            </p>
        </div>
    );
}

function OptionGroup(props: { id: string; label: string; children: ReactNode }) {
    return (
        <div role="group" aria-labelledby={props.id}>
            <div id={props.id} className="po-combobox__group">
                {props.label}
            </div>
            {props.children}
        </div>
    );
}
