/** The fields of an institution: name, acronym, kind. */
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import type { InstitutionInput, InstitutionKind } from "../../../core/bindings";
import { useT } from "../../i18n";
import { errorState, type FieldErrors } from "../../shared/fieldErrors";
import { INSTITUTION_KINDS } from "./institutionList";

export const emptyInstitution: InstitutionInput = { name: "", acronym: "", kind: "ministry" };

export function InstitutionFormFields(props: {
    value: InstitutionInput;
    onChange: (value: InstitutionInput) => void;
    errors: FieldErrors;
    idPrefix: string;
}) {
    const t = useT();
    const { value, onChange, errors, idPrefix } = props;
    return (
        <>
            <Input
                label={t.institutions.name}
                {...errorState(errors.name)}
                nativeInputProps={{ id: `${idPrefix}-name`, value: value.name, onChange: e => onChange({ ...value, name: e.target.value }), required: true }}
            />
            <div className="fr-grid-row fr-grid-row--gutters po-fields">
                <div className="fr-col-12 fr-col-md-5">
                    <Input
                        label={t.institutions.acronym}
                        hintText={t.institutions.acronymHint}
                        {...errorState(errors.acronym)}
                        nativeInputProps={{ id: `${idPrefix}-acronym`, value: value.acronym, onChange: e => onChange({ ...value, acronym: e.target.value }) }}
                    />
                </div>
                <div className="fr-col-12 fr-col-md-7">
                    <Select
                        label={t.institutions.kind}
                        {...errorState(errors.kind)}
                        nativeSelectProps={{
                            id: `${idPrefix}-kind`,
                            value: value.kind,
                            onChange: e => onChange({ ...value, kind: e.target.value as InstitutionKind })
                        }}
                    >
                        {INSTITUTION_KINDS.map(kind => (
                            <option key={kind} value={kind}>
                                {t.institutions.kinds[kind]}
                            </option>
                        ))}
                    </Select>
                </div>
            </div>
        </>
    );
}
