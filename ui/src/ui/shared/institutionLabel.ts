import type { Institution } from "../../core/bindings";

/** "Haute Autorité pour la transparence de la vie publique (HATVP)", or the name alone. */
export function institutionLabel(institution: Pick<Institution, "name" | "acronym">): string {
    return institution.acronym ? `${institution.name} (${institution.acronym})` : institution.name;
}

/** What a search for an institution looks into: its name and its acronym. */
export function institutionSearchTexts(institution: Pick<Institution, "name" | "acronym">): string[] {
    return [institution.name, institution.acronym];
}
