/**
 * "Rapport d'autoévaluation": the OGP's mid-term or end-of-term self-assessment report of the plan,
 * as of a day (today unless the person chooses an earlier one). The backend checks the day, makes
 * the printable document from the progress reports dated on or before it, and asks where to save
 * it; the screen says where, or why it could not (a day refused, under its field).
 */
import { Button } from "@codegouvfr/react-dsfr/Button";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { useState } from "react";
import type { SelfAssessmentTerm } from "../../../core/bindings";
import { useBackend } from "../../backendContext";
import { useT } from "../../i18n";
import { today } from "../../i18n/dates";
import { DateField } from "../../shared/DateField";
import { FailureAlert } from "../../shared/FailureAlert";
import { fieldErrors } from "../../shared/fieldErrors";
import { SavedFileStatus, useSaveFile } from "../../shared/useSaveFile";

const TERMS: SelfAssessmentTerm[] = ["midTerm", "endOfTerm"];

export function SelfAssessmentSection(props: { planId: string }) {
    const t = useT();
    const s = t.selfAssessment;
    const backend = useBackend();
    const [term, setTerm] = useState<SelfAssessmentTerm>("midTerm");
    const [asOf, setAsOf] = useState(today);
    const save = useSaveFile<"report">();
    const errors = fieldErrors(save.failure);
    // A refusal of the day is said under its field; anything else above the button.
    const general = save.failure !== null && save.failure.fields.length === 0 ? save.failure : null;

    return (
        <section aria-labelledby="self-assessment-title" className="po-export fr-mt-6w" id="self-assessment">
            <h2 id="self-assessment-title" className="fr-h4 fr-mb-1w">
                {s.title}
            </h2>
            <p id="self-assessment-intro" className="po-measure">
                {s.intro}
            </p>
            <div className="po-self-assessment">
                <RadioButtons
                    legend={s.term}
                    name="self-assessment-term"
                    orientation="horizontal"
                    small
                    options={TERMS.map(value => ({
                        label: value === "midTerm" ? s.midTerm : s.endOfTerm,
                        nativeInputProps: { value, checked: term === value, onChange: () => setTerm(value) }
                    }))}
                />
                <DateField id="self-assessment-as-of" label={s.asOf} hint={s.asOfHint} value={asOf} onChange={setAsOf} error={errors.asOf} required />
            </div>
            <Button
                id="self-assessment-export"
                className="fr-mb-2w"
                iconId="fr-icon-printer-line"
                onClick={() => void save.run("report", () => backend.exportSelfAssessment(props.planId, term, asOf))}
                nativeButtonProps={{ "aria-disabled": save.busy !== null, "aria-describedby": "self-assessment-intro" }}
            >
                {save.busy === null ? s.export : s.exporting}
            </Button>
            <SavedFileStatus id="self-assessment-result" message={save.written === null ? null : s.exported(save.written)} onClose={save.clearWritten} />
            <FailureAlert failure={general} title={s.exportFailedTitle} as="h3" className="fr-mt-2w" onClose={save.clearFailure} />
        </section>
    );
}
