/** Adds a milestone; the backend validates it and each refusal shows under its field. */
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useState, type FormEvent } from "react";
import type { Failure, Institution, Milestone, MilestoneInput } from "../../../core/bindings";
import { toFailure } from "../../../core/backend";
import { useBackend } from "../../backendContext";
import { useT } from "../../i18n";
import { DateField } from "../../shared/DateField";
import { FailureAlert } from "../../shared/FailureAlert";
import { errorState, fieldErrors } from "../../shared/fieldErrors";
import { InstitutionPicker } from "../../shared/InstitutionPicker";

const empty: MilestoneInput = { title: "", expectedOutputs: "", startDate: "", dueDate: "", leadInstitutionId: null };

export function NewMilestoneForm(props: {
    commitmentId: string;
    institutions: Institution[];
    onAdded: (milestone: Milestone) => void;
}) {
    const t = useT();
    const backend = useBackend();
    const [input, setInput] = useState<MilestoneInput>(empty);
    const [failure, setFailure] = useState<Failure | null>(null);
    const [busy, setBusy] = useState(false);
    const errors = fieldErrors(failure);
    const set = (field: "title" | "expectedOutputs") => (e: { target: { value: string } }) =>
        setInput({ ...input, [field]: e.target.value });

    async function submit(e: FormEvent) {
        e.preventDefault();
        setBusy(true);
        try {
            const submitted = input;
            const milestone = await backend.createMilestone(props.commitmentId, submitted);
            // Clear the form, unless the person already started typing the next milestone.
            setInput(current => (current === submitted ? empty : current));
            setFailure(null);
            props.onAdded(milestone);
            document.getElementById("milestone-new-title")?.focus();
        } catch (error) {
            const refused = toFailure(error);
            setFailure(refused);
            const first = refused.fields[0]?.field;
            if (first) document.getElementById(`milestone-new-${first}`)?.focus();
        } finally {
            setBusy(false);
        }
    }

    return (
        <form className="po-milestone-new" onSubmit={submit} noValidate aria-labelledby="milestone-new-heading">
            <h4 id="milestone-new-heading" className="fr-h6">
                {t.milestones.addTitle}
            </h4>
            <FailureAlert failure={failure && failure.code !== "validation" ? failure : null} as="h4" />
            <Input
                label={t.milestones.fieldTitle}
                hintText={t.milestones.fieldTitleHint}
                {...errorState(errors.title)}
                nativeInputProps={{ id: "milestone-new-title", value: input.title, onChange: set("title") }}
            />
            <Input
                label={t.milestones.fieldExpectedOutputs}
                textArea
                {...errorState(errors.expectedOutputs)}
                nativeTextAreaProps={{ id: "milestone-new-expectedOutputs", rows: 2, value: input.expectedOutputs, onChange: set("expectedOutputs") }}
            />
            <div className="fr-grid-row fr-grid-row--gutters po-fields">
                <div className="fr-col-12 fr-col-md-6 fr-col-xl-3">
                    <DateField
                        id="milestone-new-startDate"
                        label={t.milestones.fieldStartDate}
                        error={errors.startDate}
                        value={input.startDate}
                        onChange={startDate => setInput(current => ({ ...current, startDate }))}
                    />
                </div>
                <div className="fr-col-12 fr-col-md-6 fr-col-xl-3">
                    <DateField
                        id="milestone-new-dueDate"
                        label={t.milestones.fieldDueDate}
                        error={errors.dueDate}
                        value={input.dueDate}
                        onChange={dueDate => setInput(current => ({ ...current, dueDate }))}
                    />
                </div>
                <div className="fr-col-12 fr-col-xl-6">
                    <InstitutionPicker
                        id="milestone-new-leadInstitutionId"
                        label={t.milestones.fieldLead}
                        institutions={props.institutions}
                        error={errors.leadInstitutionId}
                        value={input.leadInstitutionId}
                        onChange={leadInstitutionId => setInput(current => ({ ...current, leadInstitutionId }))}
                    />
                </div>
            </div>
            <div className="po-form-actions">
                <Button id="milestone-new-submit" type="submit" iconId="fr-icon-add-line" disabled={busy}>
                    {t.milestones.addSubmit}
                </Button>
            </div>
        </form>
    );
}
