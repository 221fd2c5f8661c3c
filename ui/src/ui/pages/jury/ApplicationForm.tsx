/**
 * An application typed by hand, or changed (`application` given): title, applicant, summary,
 * contact address and reference in the call's file. Each refusal is the backend's, under its
 * field.
 */
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useState, type FormEvent } from "react";
import type { Failure, JuryApplication, JuryApplicationInput } from "../../../core/bindings";
import { toFailure } from "../../../core/backend";
import { useBackend } from "../../backendContext";
import { useT } from "../../i18n";
import { FailureAlert } from "../../shared/FailureAlert";
import { FormActions } from "../../shared/FormActions";
import { errorState, fieldErrors } from "../../shared/fieldErrors";

const FIELDS = ["title", "applicant", "contactEmail", "reference"] as const;

export function ApplicationForm(props: { sessionId: string; application?: JuryApplication; onSaved: () => void; onCancel: () => void }) {
    const t = useT();
    const j = t.jury;
    const l = t.juryLabels;
    const backend = useBackend();
    const a = props.application;
    const [input, setInput] = useState<JuryApplicationInput>({
        title: a?.title ?? "",
        applicant: a?.applicant ?? "",
        summary: a?.summary ?? "",
        contactEmail: a?.contactEmail ?? "",
        reference: a?.reference ?? ""
    });
    const [failure, setFailure] = useState<Failure | null>(null);
    const [busy, setBusy] = useState(false);
    const errors = fieldErrors(failure);
    const labels: Record<(typeof FIELDS)[number], string> = { title: l.applicationTitle, applicant: l.applicant, contactEmail: l.contactEmail, reference: l.reference };

    async function submit(e: FormEvent) {
        e.preventDefault();
        setBusy(true);
        try {
            if (a) await backend.updateJuryApplication(a.id, input);
            else await backend.addJuryApplication(props.sessionId, input);
            props.onSaved();
        } catch (error) {
            const refused = toFailure(error);
            setFailure(refused);
            const first = refused.fields[0]?.field;
            if (first) document.getElementById(`application-${first}`)?.focus();
        } finally {
            setBusy(false);
        }
    }

    return (
        <form className="po-report-form fr-mb-3w" onSubmit={submit} noValidate aria-labelledby="application-form-heading" id="application-form">
            <h3 id="application-form-heading" className="fr-h5" tabIndex={-1}>
                {a ? j.editApplicationTitle : j.addApplicationTitle}
            </h3>
            <FailureAlert failure={failure && failure.code !== "validation" ? failure : null} as="h4" />
            <div className="fr-grid-row fr-grid-row--gutters po-fields">
                {FIELDS.map(field => (
                    <div key={field} className="fr-col-12 fr-col-md-6">
                        <Input
                            label={labels[field]}
                            {...errorState(errors[field])}
                            nativeInputProps={{
                                id: `application-${field}`,
                                value: input[field],
                                autoFocus: field === "title",
                                type: field === "contactEmail" ? "email" : "text",
                                onChange: e => setInput(current => ({ ...current, [field]: e.target.value }))
                            }}
                        />
                    </div>
                ))}
            </div>
            <Input
                label={l.summary}
                textArea
                {...errorState(errors.summary)}
                nativeTextAreaProps={{ id: "application-summary", rows: 4, value: input.summary, onChange: e => setInput({ ...input, summary: e.target.value }) }}
            />
            <FormActions submitId="application-submit" submitLabel={j.saveApplication} busy={busy} cancelLabel={j.cancel} onCancel={props.onCancel} />
        </form>
    );
}
