import { describe, expect, test } from "vitest";
import type { Institution, InstitutionKind } from "../../../core/bindings";
import { institutionOrder, type InstitutionSort } from "./institutionList";

const institution = (name: string, acronym: string, kind: InstitutionKind) => ({ id: name, name, acronym, kind, country: "" }) as Institution;

const institutions = [
    institution("Haute Autorité pour la transparence de la vie publique", "HATVP", "independentAuthority"),
    institution("Cour de cassation", "", "court"),
    institution("École nationale d'administration", "ENA", "other"),
    institution("Assemblée nationale", "", "parliament"),
    institution("Ministère de la Transition écologique", "MTE", "ministry"),
    institution("Commission d'accès aux documents administratifs", "CADA", "independentAuthority")
];
const names = (sort: InstitutionSort) => [...institutions].sort(institutionOrder(sort, "fr")).map(i => i.acronym || i.name);

describe("the institutions page's order", () => {
    test("by name, either way, as the language sorts (“É” among the E)", () => {
        expect(names("name")).toEqual(["Assemblée nationale", "CADA", "Cour de cassation", "ENA", "HATVP", "MTE"]);
        expect(names("nameDesc")).toEqual(["MTE", "HATVP", "ENA", "Cour de cassation", "CADA", "Assemblée nationale"]);
    });

    test("by acronym, those without one last", () => {
        expect(names("acronym")).toEqual(["CADA", "ENA", "HATVP", "MTE", "Assemblée nationale", "Cour de cassation"]);
    });

    test("by kind in the form's order, then by name", () => {
        expect(names("kind")).toEqual(["MTE", "CADA", "HATVP", "Assemblée nationale", "Cour de cassation", "ENA"]);
    });
});
