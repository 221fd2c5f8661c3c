/**
 * A DSFR group of radio buttons whose inputs carry ids of our choosing (react-dsfr's
 * `RadioButtons` numbers them after the fieldset's, `<id>-0`, `<id>-1`…, and ignores a given one
 * for the label), as `CheckboxGroup` does for checkboxes: tests and keyboard focus address each
 * choice by its value.
 */
import type { ReactNode, Ref } from "react";

export type RadioOption<V extends string> = { value: V; label: ReactNode; hint?: ReactNode };

export function RadioGroup<V extends string>(props: {
    /** The fieldset's id; each input is `<id>-<value>`. */
    id: string;
    /** Groups the inputs (the name of the radio buttons). */
    name?: string;
    legend: ReactNode;
    hint?: ReactNode;
    options: RadioOption<V>[];
    value: V | null;
    onChange: (value: V) => void;
    /** The message shown in error state. */
    error?: ReactNode;
    inline?: boolean;
    /** The input of the choice made, or of the first when none is (what Tab reaches first). */
    firstRef?: Ref<HTMLInputElement>;
    className?: string;
}) {
    const legendId = `${props.id}-legend`;
    const messageId = `${props.id}-messages`;
    const focusIndex = Math.max(
        0,
        props.options.findIndex(option => option.value === props.value)
    );
    return (
        <fieldset
            id={props.id}
            className={["fr-fieldset", props.error ? "fr-fieldset--error" : "", props.inline ? "fr-fieldset--inline" : "", props.className ?? ""]
                .filter(Boolean)
                .join(" ")}
            aria-labelledby={legendId}
            role="radiogroup"
        >
            <legend id={legendId} className="fr-fieldset__legend fr-text--regular">
                {props.legend}
                {props.hint !== undefined && <span className="fr-hint-text">{props.hint}</span>}
            </legend>
            {props.options.map((option, index) => {
                const id = `${props.id}-${option.value}`;
                return (
                    <div className={`fr-fieldset__element${props.inline ? " fr-fieldset__element--inline" : ""}`} key={option.value}>
                        <div className="fr-radio-group">
                            <input
                                type="radio"
                                id={id}
                                name={props.name ?? props.id}
                                value={option.value}
                                checked={props.value === option.value}
                                onChange={() => props.onChange(option.value)}
                                aria-describedby={props.error ? messageId : undefined}
                                ref={index === focusIndex ? props.firstRef : undefined}
                            />
                            <label className="fr-label" htmlFor={id}>
                                {option.label}
                                {option.hint !== undefined && <span className="fr-hint-text">{option.hint}</span>}
                            </label>
                        </div>
                    </div>
                );
            })}
            <div className="fr-messages-group" id={messageId} aria-live="polite">
                {props.error && <p className="fr-message fr-message--error">{props.error}</p>}
            </div>
        </fieldset>
    );
}
