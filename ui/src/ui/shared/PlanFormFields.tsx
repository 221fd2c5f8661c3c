/** The fields of an action plan, shared by the creation form and the edit dialog. */
import { Input } from "@codegouvfr/react-dsfr/Input";
import type { PlanInput } from "../../core/bindings";
import { useT } from "../i18n";
import { DateField } from "./DateField";
import { errorState, type FieldErrors } from "./fieldErrors";

export const emptyPlan: PlanInput = { country: "", title: "", periodStart: "", periodEnd: "" };

export function PlanFormFields(props: {
    value: PlanInput;
    onChange: (value: PlanInput) => void;
    errors: FieldErrors;
    /** Prefix of the inputs' ids: `plan` gives `plan-country`, `plan-title`… */
    idPrefix: string;
}) {
    const t = useT();
    const { value, onChange, errors, idPrefix } = props;
    const set = (field: keyof PlanInput) => (e: { target: { value: string } }) => onChange({ ...value, [field]: e.target.value });
    return (
        <>
            <Input
                label={t.plans.fieldCountry}
                hintText={t.plans.fieldCountryHint}
                {...errorState(errors.country)}
                nativeInputProps={{ id: `${idPrefix}-country`, value: value.country, onChange: set("country"), required: true, autoComplete: "country-name" }}
            />
            <Input
                label={t.plans.fieldTitle}
                {...errorState(errors.title)}
                nativeInputProps={{
                    id: `${idPrefix}-title`,
                    value: value.title,
                    onChange: set("title"),
                    placeholder: t.plans.fieldTitlePlaceholder,
                    required: true
                }}
            />
            <div className="fr-grid-row fr-grid-row--gutters po-fields">
                <div className="fr-col-12 fr-col-md-6">
                    <DateField
                        id={`${idPrefix}-period-start`}
                        label={t.plans.fieldPeriodStart}
                        error={errors.periodStart}
                        value={value.periodStart}
                        onChange={periodStart => onChange({ ...value, periodStart })}
                        required
                    />
                </div>
                <div className="fr-col-12 fr-col-md-6">
                    <DateField
                        id={`${idPrefix}-period-end`}
                        label={t.plans.fieldPeriodEnd}
                        error={errors.periodEnd}
                        value={value.periodEnd}
                        onChange={periodEnd => onChange({ ...value, periodEnd })}
                        required
                    />
                </div>
            </div>
        </>
    );
}
