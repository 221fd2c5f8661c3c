import { describe, expect, test } from "vitest";
import { en } from "../../i18n/en";
import { fr } from "../../i18n/fr";
import { fieldLabel } from "./labels";

describe("field labels of conflicts and refused changes", () => {
    test("a field reads as on its own screen, in the current language", () => {
        expect(fieldLabel(fr, "commitment", "problem")).toBe("Problème à résoudre");
        expect(fieldLabel(en, "commitment", "problem")).toBe(en.commitment.fields.problem);
        expect(fieldLabel(fr, "commitment", "title")).toBe("Titre de l'engagement");
        expect(fieldLabel(fr, "milestone", "dueDate")).toBe("Date d'échéance");
        expect(fieldLabel(fr, "plan", "periodEnd")).toBe("Fin de période");
        expect(fieldLabel(fr, "institution", "acronym")).toBe("Sigle");
    });

    test("an unknown field, a hint or an inherited name falls back to the raw name", () => {
        expect(fieldLabel(fr, "commitment", "somethingNew")).toBe("somethingNew");
        expect(fieldLabel(fr, "commitment", "problemHint")).toBe("problemHint");
        expect(fieldLabel(fr, "milestone", "constructor")).toBe("constructor");
    });
});
