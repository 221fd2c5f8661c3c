/**
 * Opens a jury session, or changes one (`session` given): the cohort, the day and the places to
 * fill (from 1 to 10, 10 when left empty), and — when opening — the institution that runs it:
 * the signed-in person's, or chosen when nobody is signed in. Each refusal is the backend's,
 * shown under its field.
 */
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useState, type FormEvent } from "react";
import type { Failure, Institution, InstitutionRef, JurySession, JurySessionInput } from "../../../core/bindings";
import { toFailure } from "../../../core/backend";
import { useBackend } from "../../backendContext";
import { useT } from "../../i18n";
import { DateField } from "../../shared/DateField";
import { FailureAlert } from "../../shared/FailureAlert";
import { FormActions } from "../../shared/FormActions";
import { OwnInstitutionField } from "../../shared/OwnInstitutionField";
import { errorState, fieldErrors } from "../../shared/fieldErrors";

export function JurySessionForm(props: {
    planId: string;
    session?: JurySession;
    /** Who may run it, when opening; unused when changing. */
    institutions: Institution[];
    /** The signed-in person's institution, which runs the session; `null`: chosen here. */
    own: InstitutionRef | null;
    onSaved: (session: JurySession) => void;
    onCancel: () => void;
}) {
    const t = useT();
    const j = t.jury;
    const l = t.juryLabels;
    const backend = useBackend();
    const editing = props.session !== undefined;
    const [title, setTitle] = useState(props.session?.title ?? "");
    const [heldOn, setHeldOn] = useState(props.session?.heldOn ?? "");
    const [places, setPlaces] = useState(props.session ? String(props.session.places) : "");
    const [institutionId, setInstitutionId] = useState<string | null>(props.own?.id ?? null);
    const [missingInstitution, setMissingInstitution] = useState(false);
    const [failure, setFailure] = useState<Failure | null>(null);
    const [busy, setBusy] = useState(false);
    const errors = fieldErrors(failure);

    async function submit(e: FormEvent) {
        e.preventDefault();
        if (!editing && institutionId === null) {
            setMissingInstitution(true);
            document.getElementById("jury-session-institutionId")?.focus();
            return;
        }
        // An empty field is « none said » (ten places). What is not a whole number goes as 0, which
        // the backend refuses with its own words, under the field.
        const typed = places.trim();
        const number = Number(typed);
        const input: JurySessionInput = { title, heldOn, places: typed === "" ? null : Number.isInteger(number) && number >= 0 && number <= 0xffffffff ? number : 0 };
        setBusy(true);
        try {
            const saved = props.session ? await backend.updateJurySession(props.session.id, input) : await backend.createJurySession(props.planId, institutionId!, input);
            props.onSaved(saved);
        } catch (error) {
            const refused = toFailure(error);
            setFailure(refused);
            const first = refused.fields[0]?.field;
            if (first) document.getElementById(`jury-session-${first}`)?.focus();
        } finally {
            setBusy(false);
        }
    }

    return (
        <form className="po-report-form fr-mb-4w" onSubmit={submit} noValidate aria-labelledby="jury-session-form-heading" id="jury-session-form">
            <h2 id="jury-session-form-heading" className="fr-h5">
                {editing ? j.editSessionTitle : j.newSessionTitle}
            </h2>
            <FailureAlert failure={failure && failure.code !== "validation" ? failure : null} as="h3" />
            <Input
                label={l.sessionTitle}
                hintText={j.sessionTitleHint}
                {...errorState(errors.title)}
                nativeInputProps={{ id: "jury-session-title", value: title, onChange: e => setTitle(e.target.value) }}
            />
            <div className="fr-grid-row fr-grid-row--gutters po-fields">
                <div className="fr-col-12 fr-col-md-6">
                    <DateField id="jury-session-heldOn" label={l.heldOn} error={errors.heldOn} value={heldOn} required onChange={setHeldOn} />
                </div>
                <div className="fr-col-12 fr-col-md-6">
                    <Input
                        label={l.places}
                        hintText={l.placesHint}
                        {...errorState(errors.places)}
                        nativeInputProps={{ id: "jury-session-places", inputMode: "numeric", value: places, onChange: e => setPlaces(e.target.value) }}
                    />
                </div>
            </div>
            {!editing && (
                <OwnInstitutionField
                    id="jury-session-institutionId"
                    label={j.institution}
                    hint={j.institutionHint}
                    own={props.own}
                    institutions={props.institutions}
                    value={institutionId}
                    error={missingInstitution ? j.institutionRequired : errors.institutionId}
                    onChange={id => {
                        setInstitutionId(id);
                        setMissingInstitution(false);
                    }}
                />
            )}
            <FormActions submitId="jury-session-submit" submitLabel={editing ? j.save : j.submit} busy={busy} cancelLabel={j.cancel} onCancel={props.onCancel} />
        </form>
    );
}
