import type { Institution } from "../../core/bindings";

/** "Haute Autorité pour la transparence de la vie publique (HATVP)", or the name alone. */
export function institutionLabel(institution: Pick<Institution, "name" | "acronym">): string {
    return institution.acronym ? `${institution.name} (${institution.acronym})` : institution.name;
}
