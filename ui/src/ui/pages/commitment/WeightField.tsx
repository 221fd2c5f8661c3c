/**
 * A weight in the roll-up of progress (1 to 100), saved when the person leaves the field or
 * presses Enter; the core's refusal shows under it and the stored value stays.
 */
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useState } from "react";
import { toFailure } from "../../../core/backend";
import { useT } from "../../i18n";
import { errorState } from "../../shared/fieldErrors";

export function WeightField(props: {
    id: string;
    hint: string;
    value: number;
    save: (weight: number) => Promise<unknown>;
    onSaved: () => void;
}) {
    const p = useT().progress;
    const [typed, setTyped] = useState(String(props.value));
    const [error, setError] = useState<string | undefined>(undefined);
    const [shown, setShown] = useState(props.value);
    if (props.value !== shown) {
        setShown(props.value);
        setTyped(String(props.value));
    }

    async function commit() {
        const weight = Number(typed.trim());
        if (typed.trim() === String(props.value)) return;
        try {
            // A text that is not a number goes as 0: the core refuses it with its own words.
            await props.save(Number.isInteger(weight) ? weight : 0);
            setError(undefined);
            props.onSaved();
        } catch (failure) {
            setError(toFailure(failure).fields[0]?.message ?? toFailure(failure).message);
        }
    }

    return (
        <Input
            className="po-weight"
            label={p.weight}
            hintText={props.hint}
            {...errorState(error)}
            nativeInputProps={{
                id: props.id,
                inputMode: "numeric",
                value: typed,
                onChange: e => setTyped(e.target.value),
                onBlur: () => void commit(),
                onKeyDown: e => {
                    if (e.key === "Enter") {
                        e.preventDefault();
                        void commit();
                    }
                }
            }}
        />
    );
}
