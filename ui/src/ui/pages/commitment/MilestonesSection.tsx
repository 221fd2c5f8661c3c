/**
 * The milestones of a commitment: an ordered list, each milestone saved field by field,
 * reordered with "Monter" / "Descendre", deleted after confirmation, and a form to add one.
 */
import { Button } from "@codegouvfr/react-dsfr/Button";
import { createModal } from "@codegouvfr/react-dsfr/Modal";
import { useState } from "react";
import type { Autosave } from "../../../core/autosave";
import type { CommitmentDetail, Failure, Institution, Milestone, MilestoneEdit, Plan } from "../../../core/bindings";
import { toFailure } from "../../../core/backend";
import { useBackend } from "../../backendContext";
import { useT } from "../../i18n";
import { AutosaveInput, AutosaveInstitution } from "../../shared/AutosaveFields";
import { ConfirmModal } from "../../shared/ConfirmModal";
import { AutosaveDateField } from "../../shared/DateField";
import { FailureAlert } from "../../shared/FailureAlert";
import { openModal } from "../../shared/modalFocus";
import { NewMilestoneForm } from "./NewMilestoneForm";
import { showDeletion } from "../../shared/DeletionNotice";

const deleteMilestoneModal = createModal({ id: "milestone-delete-modal", isOpenedByDefault: false });

export function MilestonesSection(props: {
    plan: Plan;
    commitmentId: string;
    milestones: Milestone[];
    /** Each milestone's number in the plan, by id, as the core gives it. */
    numbers: CommitmentDetail["milestoneNumbers"];
    institutions: Institution[];
    autosave: Autosave;
    onMilestonesChange: (update: (milestones: Milestone[]) => Milestone[]) => void;
}) {
    const t = useT();
    const backend = useBackend();
    const { milestones, autosave, institutions, onMilestonesChange } = props;
    const [announcement, setAnnouncement] = useState("");
    const [failure, setFailure] = useState<Failure | null>(null);
    const [toDelete, setToDelete] = useState<Milestone | null>(null);

    const replace = (saved: Milestone) => onMilestonesChange(list => list.map(m => (m.id === saved.id ? saved : m)));

    async function move(milestone: Milestone, position: number, direction: "up" | "down") {
        try {
            const ordered = await backend.moveMilestone(milestone.id, position);
            onMilestonesChange(() => ordered);
            setFailure(null);
            setAnnouncement(t.milestones.moved(milestone.title, position + 1));
            // Keep the focus on the moved milestone's button, or its other button at an end.
            requestAnimationFrame(() => {
                const index = ordered.findIndex(m => m.id === milestone.id);
                const atEnd = direction === "up" ? index === 0 : index === ordered.length - 1;
                const other = direction === "up" ? "down" : "up";
                document.getElementById(`milestone-${milestone.id}-${atEnd ? other : direction}`)?.focus();
            });
        } catch (error) {
            setFailure(toFailure(error));
        }
    }

    async function remove() {
        if (!toDelete) return;
        const milestone = toDelete;
        try {
            const deletion = await backend.deleteMilestone(milestone.id);
            autosave.forget(`milestone.${milestone.id}.`);
            showDeletion({
                deletion,
                message: t.milestones.deleted(milestone.title),
                onRestored: () =>
                    void backend.getCommitment(props.commitmentId).then(
                        detail => onMilestonesChange(() => detail.milestones),
                        () => undefined
                    )
            });
            onMilestonesChange(list => list.filter(m => m.id !== milestone.id));
            setFailure(null);
            setAnnouncement(t.milestones.deleted(milestone.title));
            document.getElementById("milestones-title")?.focus();
        } catch (error) {
            setFailure(toFailure(error));
        }
    }

    return (
        <section className="po-milestones" aria-labelledby="milestones-title">
            <h3 id="milestones-title" className="fr-h5" tabIndex={-1}>
                {t.milestones.title}
            </h3>
            <p className="fr-hint-text">{t.milestones.intro}</p>
            <p className="fr-sr-only" role="status" aria-live="polite">
                {announcement}
            </p>
            <FailureAlert failure={failure} onClose={() => setFailure(null)} as="h4" />
            {milestones.length === 0 ? (
                <p className="po-muted">{t.milestones.empty}</p>
            ) : (
                <ol className="po-milestone-list">
                    {milestones.map((milestone, index) => (
                        <MilestoneItem
                            key={milestone.id}
                            milestone={milestone}
                            index={index}
                            number={props.numbers[milestone.id] ?? ""}
                            count={milestones.length}
                            autosave={autosave}
                            institutions={institutions}
                            onSaved={replace}
                            onMove={(position, direction) => void move(milestone, position, direction)}
                            onDelete={() => {
                                setToDelete(milestone);
                                openModal(deleteMilestoneModal);
                            }}
                        />
                    ))}
                </ol>
            )}
            <NewMilestoneForm
                commitmentId={props.commitmentId}
                institutions={institutions}
                onAdded={milestone => {
                    onMilestonesChange(list => [...list, milestone]);
                    setAnnouncement(t.milestones.added(milestone.title));
                }}
            />
            <ConfirmModal
                modal={deleteMilestoneModal}
                title={t.milestones.deleteTitle}
                message={toDelete ? t.milestones.deleteConfirm(toDelete.title) : ""}
                confirmLabel={t.app.delete}
                onConfirm={() => void remove()}
            />
        </section>
    );
}

function MilestoneItem(props: {
    milestone: Milestone;
    index: number;
    number: string;
    count: number;
    autosave: Autosave;
    institutions: Institution[];
    onSaved: (milestone: Milestone) => void;
    onMove: (position: number, direction: "up" | "down") => void;
    onDelete: () => void;
}) {
    const t = useT();
    const backend = useBackend();
    const { milestone: m, index, count, autosave } = props;
    const save = async (edit: MilestoneEdit) => props.onSaved(await backend.editMilestone(m.id, edit));
    const key = (field: string) => `milestone.${m.id}.${field}`;
    const id = (field: string) => `milestone-${m.id}-${field}`;

    return (
        <li className="po-milestone" data-testid={`milestone-${index}`} aria-labelledby={`milestone-${m.id}-heading`}>
            <div className="po-milestone__head">
                <h4 id={`milestone-${m.id}-heading`} className="fr-h6 fr-mb-0">
                    {t.milestones.heading(props.number)} <span className="fr-sr-only">: {m.title}</span>
                </h4>
                <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-btns-group--icon-left">
                    <li>
                        <Button
                            id={id("up")}
                            priority="tertiary"
                            size="small"
                            iconId="fr-icon-arrow-up-line"
                            disabled={index === 0}
                            onClick={() => props.onMove(index - 1, "up")}
                            nativeButtonProps={{ "aria-label": t.milestones.moveUp(m.title) }}
                        >
                            {t.milestones.moveUpShort}
                        </Button>
                    </li>
                    <li>
                        <Button
                            id={id("down")}
                            priority="tertiary"
                            size="small"
                            iconId="fr-icon-arrow-down-line"
                            disabled={index === count - 1}
                            onClick={() => props.onMove(index + 1, "down")}
                            nativeButtonProps={{ "aria-label": t.milestones.moveDown(m.title) }}
                        >
                            {t.milestones.moveDownShort}
                        </Button>
                    </li>
                    <li>
                        <Button
                            id={id("delete")}
                            priority="tertiary"
                            size="small"
                            iconId="fr-icon-delete-line"
                            onClick={props.onDelete}
                            nativeButtonProps={{ "aria-label": t.milestones.delete(m.title) }}
                        >
                            {t.app.delete}
                        </Button>
                    </li>
                </ul>
            </div>
            <AutosaveInput
                autosave={autosave}
                saveKey={key("title")}
                id={id("title")}
                label={t.milestones.fieldTitle}
                textArea
                singleLine
                rows={1}
                value={m.title}
                save={value => save({ field: "title", value })}
            />
            <AutosaveInput
                autosave={autosave}
                saveKey={key("expectedOutputs")}
                id={id("expectedOutputs")}
                label={t.milestones.fieldExpectedOutputs}
                textArea
                rows={2}
                value={m.expectedOutputs}
                save={value => save({ field: "expectedOutputs", value })}
            />
            <div className="fr-grid-row fr-grid-row--gutters po-fields">
                <div className="fr-col-12 fr-col-md-6 fr-col-xl-3">
                    <AutosaveDateField
                        autosave={autosave}
                        saveKey={key("startDate")}
                        id={id("startDate")}
                        field="startDate"
                        label={t.milestones.fieldStartDate}
                        value={m.startDate ?? ""}
                        save={value => save({ field: "startDate", value })}
                    />
                </div>
                <div className="fr-col-12 fr-col-md-6 fr-col-xl-3">
                    <AutosaveDateField
                        autosave={autosave}
                        saveKey={key("dueDate")}
                        id={id("dueDate")}
                        field="dueDate"
                        label={t.milestones.fieldDueDate}
                        value={m.dueDate ?? ""}
                        save={value => save({ field: "dueDate", value })}
                    />
                </div>
                <div className="fr-col-12 fr-col-xl-6">
                    <AutosaveInstitution
                        autosave={autosave}
                        saveKey={key("leadInstitutionId")}
                        id={id("leadInstitutionId")}
                        label={t.milestones.fieldLead}
                        value={m.leadInstitutionId}
                        institutions={props.institutions}
                        save={value => save({ field: "leadInstitutionId", value })}
                    />
                </div>
            </div>
        </li>
    );
}
