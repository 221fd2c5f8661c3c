/**
 * Form fields that save themselves through an {@link Autosave} coordinator. A field shows the
 * value as typed (saved or not); when the backend refuses it, the field keeps it, shows the
 * backend's message and "Non enregistré" until a later value is accepted.
 */
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useLayoutEffect, useRef, type ReactNode } from "react";
import type { Autosave } from "../../core/autosave";
import type { Institution } from "../../core/bindings";
import { useT } from "../i18n";
import { InstitutionPicker } from "./InstitutionPicker";

type Common<V> = {
    autosave: Autosave;
    /** Identifies the field in the coordinator, e.g. `commitment.title`. */
    saveKey: string;
    /** The `id` of the native input. */
    id: string;
    label: ReactNode;
    hint?: ReactNode;
    /** The stored value, shown until the person changes it. */
    value: V;
    save: (value: V) => Promise<unknown>;
    className?: string;
};

function useFieldState<V>(props: Common<V>) {
    const t = useT();
    const snapshot = props.autosave.get(props.saveKey);
    const value = snapshot === undefined ? props.value : (snapshot.value as V);
    const error = snapshot?.error ?? null;
    const state =
        error === null
            ? ({ state: "default" } as const)
            : ({
                  state: "error",
                  stateRelatedMessage: (
                      <span>
                          {error} <strong>{t.app.notSaved}</strong>
                      </span>
                  )
              } as const);
    return { value, state };
}

export function AutosaveInput(
    props: Common<string> & {
        /** Dates have their own field: `DateField.tsx`. */
        type?: "text" | "email" | "tel";
        textArea?: boolean;
        /** Shows "n / max caractères" under the label. */
        maxLength?: number;
        autoComplete?: string;
        rows?: number;
        /** A one-line text shown on several lines: Enter does not add a line break. */
        singleLine?: boolean;
    }
) {
    const t = useT();
    const { value, state } = useFieldState(props);
    const wrapper = useRef<HTMLDivElement>(null);
    const change = (next: string) => props.autosave.change(props.saveKey, next, props.save);
    const blur = () => void props.autosave.flush(props.saveKey);

    // Long texts grow with their content instead of scrolling inside a small box.
    useLayoutEffect(() => {
        const area = wrapper.current?.querySelector("textarea");
        if (!area) return;
        area.style.height = "auto";
        area.style.height = `${area.scrollHeight + 2}px`;
    }, [value]);

    const hint =
        props.maxLength !== undefined ? (
            <>
                {props.hint}
                {props.hint !== undefined && " "}
                {t.commitment.characters([...value].length, props.maxLength)}
            </>
        ) : (
            props.hint
        );

    const common = {
        ref: wrapper,
        className: props.className,
        label: props.label,
        hintText: hint,
        ...state
    };
    if (props.textArea) {
        return (
            <Input
                {...common}
                textArea
                nativeTextAreaProps={{
                    id: props.id,
                    value,
                    rows: props.rows ?? 3,
                    onChange: e => change(e.target.value),
                    onBlur: blur,
                    onKeyDown: props.singleLine
                        ? e => {
                              if (e.key === "Enter") e.preventDefault();
                          }
                        : undefined
                }}
            />
        );
    }
    return (
        <Input
            {...common}
            nativeInputProps={{
                id: props.id,
                type: props.type ?? "text",
                value,
                autoComplete: props.autoComplete,
                onChange: e => change(e.target.value),
                onBlur: blur
            }}
        />
    );
}

/** A choice saved at once. `""` in the select stands for `null`. */
export function AutosaveSelect(
    props: Common<string | null> & { options: { value: string; label: string }[]; emptyLabel?: string }
) {
    const { value, state } = useFieldState(props);
    return (
        <Select
            className={props.className}
            label={props.label}
            hint={props.hint}
            {...state}
            nativeSelectProps={{
                id: props.id,
                value: value ?? "",
                onChange: e =>
                    props.autosave.change(props.saveKey, e.target.value === "" ? null : e.target.value, props.save, {
                        immediate: true
                    })
            }}
        >
            {props.emptyLabel !== undefined && <option value="">{props.emptyLabel}</option>}
            {props.options.map(option => (
                <option key={option.value} value={option.value}>
                    {option.label}
                </option>
            ))}
        </Select>
    );
}

type InstitutionField<V> = Common<V> & { institutions: readonly Institution[] };

/** One institution (`null`: none), chosen in a searchable list and saved at once. */
export function AutosaveInstitution(props: InstitutionField<string | null>) {
    const { value, state } = useFieldState(props);
    return (
        <InstitutionPicker
            id={props.id}
            label={props.label}
            hint={props.hint}
            className={props.className}
            institutions={props.institutions}
            value={value}
            error={state.state === "error" ? state.stateRelatedMessage : undefined}
            onChange={next => props.autosave.change(props.saveKey, next, props.save, { immediate: true })}
        />
    );
}

/** Several institutions, chosen in a searchable list, each choice or removal saved at once. */
export function AutosaveInstitutions(props: InstitutionField<string[]>) {
    const { value, state } = useFieldState(props);
    return (
        <InstitutionPicker
            multiple
            id={props.id}
            label={props.label}
            hint={props.hint}
            className={props.className}
            institutions={props.institutions}
            value={value}
            error={state.state === "error" ? state.stateRelatedMessage : undefined}
            onChange={next => props.autosave.change(props.saveKey, next, props.save, { immediate: true })}
        />
    );
}
