/**
 * Prepares a workshop, or changes its preparation (`workshop` given): title, day, place, the
 * engagement area or the commitments discussed (chosen among the plan's, however many), the
 * facilitator, the institution that runs it — the signed-in person's, or chosen when nobody is
 * signed in —, the information text participants accept (the core's proposed wording,
 * editable) and the day their data is kept until (a year after the workshop unless changed).
 * Each refusal is shown under its field.
 */
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useState, type FormEvent } from "react";
import type { Failure, Institution, InstitutionRef, PlanTarget, Workshop, WorkshopInput } from "../../../core/bindings";
import { toFailure } from "../../../core/backend";
import { WORKSHOP_LIMITS } from "../../../core/commands";
import { useBackend } from "../../backendContext";
import { useT } from "../../i18n";
import { isStoredDate, shiftDate } from "../../i18n/dates";
import { DateField } from "../../shared/DateField";
import { FailureAlert } from "../../shared/FailureAlert";
import { OwnInstitutionField } from "../../shared/OwnInstitutionField";
import { TargetPicker } from "../../shared/TargetPicker";
import { errorState, fieldErrors } from "../../shared/fieldErrors";

export type AreaChoice = { id: string; number: string; title: string };

/** The day participants' data is kept until by default, for a workshop held on `heldOn`. */
const defaultKeepUntil = (heldOn: string) => (isStoredDate(heldOn) ? shiftDate(heldOn, { days: WORKSHOP_LIMITS.keepDefaultDays }) : "");

export function WorkshopForm(props: {
    planId: string;
    workshop?: Workshop;
    areas: AreaChoice[];
    targets: PlanTarget[];
    institutions: Institution[];
    /** The signed-in person's institution, which runs the workshop; `null`: chosen here. */
    own: InstitutionRef | null;
    onSaved: (workshop: Workshop) => void;
    onCancel: () => void;
}) {
    const t = useT();
    const w = t.workshops;
    const l = t.workshopLabels;
    const backend = useBackend();
    const editing = props.workshop !== undefined;
    const [input, setInput] = useState<WorkshopInput>(() =>
        props.workshop
            ? {
                  title: props.workshop.title,
                  heldOn: props.workshop.heldOn,
                  place: props.workshop.place,
                  areaId: props.workshop.areaId,
                  commitmentIds: props.workshop.commitmentIds,
                  facilitator: props.workshop.facilitator,
                  consentText: props.workshop.consentText,
                  keepUntil: props.workshop.keepUntil
              }
            : {
                  title: "",
                  heldOn: "",
                  place: "",
                  areaId: null,
                  commitmentIds: [],
                  facilitator: "",
                  consentText: l.defaultConsentText,
                  keepUntil: ""
              }
    );
    const [institutionId, setInstitutionId] = useState<string | null>(props.own?.id ?? null);
    // The keeping day follows the workshop's until the person writes their own.
    const [keepFollows, setKeepFollows] = useState(!editing);
    const [failure, setFailure] = useState<Failure | null>(null);
    const [missingInstitution, setMissingInstitution] = useState(false);
    const [busy, setBusy] = useState(false);
    const errors = fieldErrors(failure);
    const institutionError = missingInstitution ? w.institutionRequired : errors.institutionId;

    async function submit(e: FormEvent) {
        e.preventDefault();
        if (!editing && institutionId === null) {
            setMissingInstitution(true);
            document.getElementById("workshop-institutionId")?.focus();
            return;
        }
        setBusy(true);
        try {
            const saved = props.workshop
                ? await backend.updateWorkshop(props.workshop.id, input)
                : await backend.createWorkshop(props.planId, institutionId!, input);
            props.onSaved(saved);
        } catch (error) {
            const refused = toFailure(error);
            setFailure(refused);
            const first = refused.fields[0]?.field;
            if (first) document.getElementById(`workshop-${first}`)?.focus();
        } finally {
            setBusy(false);
        }
    }

    return (
        <form className="po-report-form po-workshop-form" onSubmit={submit} noValidate aria-labelledby="workshop-form-heading" id="workshop-form">
            <h2 id="workshop-form-heading" className="fr-h5">
                {editing ? w.editTitle : w.prepareTitle}
            </h2>
            <FailureAlert failure={failure && failure.code !== "validation" ? failure : null} as="h3" />
            <Input
                label={l.title}
                hintText={w.titleHint}
                {...errorState(errors.title)}
                nativeInputProps={{ id: "workshop-title", value: input.title, onChange: e => setInput({ ...input, title: e.target.value }) }}
            />
            <div className="fr-grid-row fr-grid-row--gutters po-fields">
                <div className="fr-col-12 fr-col-md-4">
                    <DateField
                        id="workshop-heldOn"
                        label={l.heldOn}
                        error={errors.heldOn}
                        value={input.heldOn}
                        required
                        onChange={heldOn =>
                            setInput(current => ({ ...current, heldOn, keepUntil: keepFollows ? defaultKeepUntil(heldOn) : current.keepUntil }))
                        }
                    />
                </div>
                <div className="fr-col-12 fr-col-md-8">
                    <Input
                        label={l.place}
                        hintText={w.placeHint}
                        {...errorState(errors.place)}
                        nativeInputProps={{ id: "workshop-place", value: input.place, onChange: e => setInput({ ...input, place: e.target.value }) }}
                    />
                </div>
            </div>
            <Input
                label={l.facilitator}
                hintText={w.facilitatorHint}
                {...errorState(errors.facilitator)}
                nativeInputProps={{
                    id: "workshop-facilitator",
                    value: input.facilitator,
                    autoComplete: "name",
                    onChange: e => setInput({ ...input, facilitator: e.target.value })
                }}
            />
            {!editing && (
                <OwnInstitutionField
                    id="workshop-institutionId"
                    label={l.institutionId}
                    hint={w.institutionHint}
                    own={props.own}
                    institutions={props.institutions}
                    value={institutionId}
                    error={institutionError}
                    onChange={id => {
                        setInstitutionId(id);
                        setMissingInstitution(false);
                    }}
                />
            )}
            <Select
                label={l.areaId}
                hint={w.areaHint}
                {...errorState(errors.areaId)}
                nativeSelectProps={{
                    id: "workshop-areaId",
                    value: input.areaId ?? "",
                    onChange: e => setInput({ ...input, areaId: e.target.value === "" ? null : e.target.value })
                }}
            >
                <option value="">{w.noArea}</option>
                {props.areas.map(area => (
                    <option key={area.id} value={area.id}>
                        {`${area.number}. ${area.title}`}
                    </option>
                ))}
            </Select>
            <TargetPicker
                id="workshop-commitmentIds"
                legend={l.commitmentIds}
                hint={w.commitmentsHint}
                targets={props.targets}
                commitmentsOnly
                value={{ commitmentIds: input.commitmentIds, milestoneIds: [] }}
                onChange={choice => setInput({ ...input, commitmentIds: choice.commitmentIds })}
                error={errors.commitmentIds}
            />
            <Input
                label={l.consentText}
                hintText={w.consentHint}
                textArea
                {...errorState(errors.consentText)}
                nativeTextAreaProps={{
                    id: "workshop-consentText",
                    rows: 8,
                    value: input.consentText,
                    onChange: e => setInput({ ...input, consentText: e.target.value })
                }}
            />
            <div className="fr-grid-row fr-grid-row--gutters po-fields">
                <div className="fr-col-12 fr-col-md-6">
                    <DateField
                        id="workshop-keepUntil"
                        label={l.keepUntil}
                        hint={w.keepUntilHint(WORKSHOP_LIMITS.keepMaxDays)}
                        error={errors.keepUntil}
                        value={input.keepUntil}
                        required
                        onChange={keepUntil => {
                            setKeepFollows(false);
                            setInput(current => ({ ...current, keepUntil }));
                        }}
                    />
                </div>
            </div>
            <div className="po-form-actions">
                <Button id="workshop-submit" type="submit" iconId="fr-icon-save-line" disabled={busy}>
                    {editing ? w.save : w.submit}
                </Button>
                <Button type="button" priority="secondary" onClick={props.onCancel}>
                    {w.cancel}
                </Button>
            </div>
        </form>
    );
}
