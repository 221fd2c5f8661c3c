/**
 * The institution that runs what a form opens (a workshop, a jury session), which keeps its
 * personal data: the signed-in person's own, said rather than chosen, or chosen among every
 * institution while nobody is signed in. `#<id>` is the picker's field, or the sentence naming
 * the person's own.
 */
import type { Institution, InstitutionRef } from "../../core/bindings";
import { useT } from "../i18n";
import { InstitutionPicker } from "./InstitutionPicker";
import { institutionLabel } from "./institutionLabel";

export function OwnInstitutionField(props: {
    id: string;
    label: string;
    hint: string;
    /** The signed-in person's institution; `null`: chosen here. */
    own: InstitutionRef | null;
    institutions: Institution[];
    value: string | null;
    error?: string;
    onChange: (id: string | null) => void;
}) {
    const t = useT();
    if (props.own === null) {
        return (
            <InstitutionPicker
                id={props.id}
                label={props.label}
                hint={props.hint}
                institutions={props.institutions}
                value={props.value}
                error={props.error}
                onChange={props.onChange}
            />
        );
    }
    return (
        <div className="fr-input-group" id={`${props.id.replace(/Id$/, "")}`}>
            <p className="fr-label fr-mb-1v">
                {props.label}
                <span className="fr-hint-text">{props.hint}</span>
            </p>
            <p className="fr-text--bold fr-mb-0" id={props.id}>
                {t.workshops.ownInstitution(institutionLabel(props.own))}
            </p>
        </div>
    );
}
