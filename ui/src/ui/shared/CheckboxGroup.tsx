/**
 * A DSFR group of checkboxes whose inputs carry ids of our choosing. react-dsfr's `Checkbox`
 * derives every input's id from the fieldset's (`<id>-0`, `<id>-1`…) and ignores a given one for
 * the label, while the end-to-end tests address each field as `commitment-<field>`; this renders
 * the same DSFR markup (`fr-fieldset`, `fr-checkbox-group`) with explicit ids.
 */
import type { ReactNode } from "react";

export type CheckboxOption = { id: string; label: ReactNode; checked: boolean; onChange: (checked: boolean) => void };

export function CheckboxGroup(props: {
    id: string;
    legend: ReactNode;
    hint?: ReactNode;
    options: CheckboxOption[];
    /** The message shown in error state. */
    error?: ReactNode;
}) {
    const legendId = `${props.id}-legend`;
    const messageId = `${props.id}-messages`;
    return (
        <fieldset
            id={props.id}
            className={`fr-fieldset${props.error ? " fr-fieldset--error" : ""}`}
            aria-labelledby={legendId}
            role="group"
        >
            <legend id={legendId} className="fr-fieldset__legend fr-text--regular">
                {props.legend}
                {props.hint !== undefined && <span className="fr-hint-text">{props.hint}</span>}
            </legend>
            {props.options.map(option => (
                <div className="fr-fieldset__element" key={option.id}>
                    <div className="fr-checkbox-group">
                        <input
                            type="checkbox"
                            id={option.id}
                            checked={option.checked}
                            onChange={e => option.onChange(e.target.checked)}
                            aria-describedby={props.error ? messageId : undefined}
                        />
                        <label className="fr-label" htmlFor={option.id}>
                            {option.label}
                        </label>
                    </div>
                </div>
            ))}
            <div className="fr-messages-group" id={messageId} aria-live="polite">
                {props.error && <p className="fr-message fr-message--error">{props.error}</p>}
            </div>
        </fieldset>
    );
}
