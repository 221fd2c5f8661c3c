/** The fields of an engagement area: title, kind, description. */
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import type { AreaInput, AreaKind } from "../../../core/bindings";
import { useT } from "../../i18n";
import { errorState, type FieldErrors } from "../../shared/fieldErrors";

const KINDS: AreaKind[] = ["transversal", "thematic"];

export function AreaFormFields(props: { value: AreaInput; onChange: (value: AreaInput) => void; errors: FieldErrors }) {
    const t = useT();
    const { value, onChange, errors } = props;
    return (
        <>
            <Input
                label={t.overview.areaFieldTitle}
                {...errorState(errors.title)}
                nativeInputProps={{ id: "area-title", value: value.title, onChange: e => onChange({ ...value, title: e.target.value }) }}
            />
            <RadioButtons
                id="area-kind"
                legend={t.overview.areaFieldKind}
                orientation="horizontal"
                name="area-kind"
                options={KINDS.map(kind => ({
                    label: t.overview.kind[kind],
                    nativeInputProps: {
                        value: kind,
                        checked: value.kind === kind,
                        onChange: () => onChange({ ...value, kind })
                    }
                }))}
            />
            <Input
                label={t.overview.areaFieldDescription}
                textArea
                {...errorState(errors.description)}
                nativeTextAreaProps={{
                    id: "area-description",
                    rows: 3,
                    value: value.description,
                    onChange: e => onChange({ ...value, description: e.target.value })
                }}
            />
        </>
    );
}
