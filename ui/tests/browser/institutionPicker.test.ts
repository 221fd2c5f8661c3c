/**
 * Choosing institutions among many: a drafter types a few letters of a name or an acronym, picks
 * with the keyboard or the mouse, removes a supporting institution; the ones chosen lately come
 * first; with hundreds of institutions the list stays short.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Backend } from "../../src/core/backend";
import type { InstitutionInput } from "../../src/core/bindings";
import { laptop } from "./core";
import {
    expectAccessible,
    expectNoProblems,
    expectSaveStatus,
    openApp,
    pickInstitution,
    SAVED,
    SCREENSHOTS,
    screenshots,
    startBrowser,
    stopBrowser,
    type Session
} from "./harness";

beforeAll(startBrowser);
afterAll(stopBrowser);

const CNIL = "Commission nationale de l'informatique et des libertés (CNIL)";
const HATVP = "Haute Autorité pour la transparence de la vie publique (HATVP)";
const MTE = "Ministère de la Transition écologique (MTE)";
const LEAD = "commitment-leadInstitutionId";
const SUPPORTING = "commitment-supportingInstitutionIds";

/** A new commitment of the demonstration plan, opened; `institutions` are added first. */
async function openCommitment(
    options: { institutions?: InstitutionInput[]; colorScheme?: "light" | "dark"; viewport?: { width: number; height: number } } = {}
): Promise<{ session: Session; backend: Backend; commitmentId: string; idOf: (acronymOrName: string) => Promise<string> }> {
    const session = await openApp(options);
    const backend = laptop(session.laptop);
    const plan = await backend.loadDemoPlan();
    for (const input of options.institutions ?? []) await backend.createInstitution(input);
    const overview = await backend.planOverview(plan.id, { query: "", institutionId: null });
    const commitment = await backend.createCommitment(overview.areas[3]!.area.id, "Ouvrir les données de la qualité de l'air");
    const { page } = session;
    await page.goto(page.url().replace(/#.*/, `#/commitments/${encodeURIComponent(commitment.id)}`));
    await page.locator("#commitment-title").waitFor();
    const idOf = async (key: string) => (await backend.listInstitutions()).find(i => i.acronym === key || i.name === key)!.id;
    return { session, backend, commitmentId: commitment.id, idOf };
}

const options = (page: Page, id: string) => page.locator(`#${id}-listbox [role=option]`);
const optionTexts = (page: Page, id: string) => options(page, id).allTextContents();
const tags = (page: Page) => page.locator(`#${SUPPORTING}-chosen button`).allTextContents();
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id);

describe("Choisir une institution", () => {
    test("typing “cnil” finds the CNIL by its acronym, and the keyboard alone chooses it, saved at once", async () => {
        const { session, backend, commitmentId, idOf } = await openCommitment();
        const { page } = session;
        const lead = page.locator(`#${LEAD}`);
        expect(await page.locator("[role=option]").count(), "a closed list renders no option").toBe(0);
        await lead.focus();
        await page.keyboard.type("cnil");
        await expect.poll(() => optionTexts(page, LEAD)).toEqual([CNIL]);
        expect(await lead.getAttribute("aria-expanded")).toBe("true");
        await page.getByRole("status").filter({ hasText: "1 institution correspond." }).waitFor({ state: "attached" });
        await page.keyboard.press("ArrowDown");
        expect(await lead.getAttribute("aria-activedescendant")).toBe(await options(page, LEAD).first().getAttribute("id"));
        expect(await options(page, LEAD).first().getAttribute("aria-selected")).toBe("true");
        await page.keyboard.press("Enter");
        expect(await lead.getAttribute("aria-expanded")).toBe("false");
        expect(await lead.inputValue()).toBe(CNIL);
        expect(await focusedId(page)).toBe(LEAD);
        await expectSaveStatus(page, SAVED);
        const cnil = await idOf("CNIL");
        expect((await backend.getCommitment(commitmentId)).commitment.leadInstitutionId).toBe(cnil);

        // Escape closes the list and puts the choice back; nothing else is saved.
        await page.keyboard.type("ministere");
        await expect.poll(() => optionTexts(page, LEAD)).toHaveLength(3);
        await page.keyboard.press("Escape");
        expect(await lead.getAttribute("aria-expanded")).toBe("false");
        expect(await lead.inputValue()).toBe(CNIL);
        // Tab leaves the field without choosing what was pointed at.
        await page.keyboard.type("hatvp");
        await page.keyboard.press("ArrowDown");
        await page.keyboard.press("Tab");
        expect(await lead.inputValue()).toBe(CNIL);
        expect(await focusedId(page)).not.toBe(LEAD);
        expect((await backend.getCommitment(commitmentId)).commitment.leadInstitutionId).toBe(cnil);

        // The choice is removed by its own button, saved as none.
        await page.getByRole("button", { name: `Retirer ${CNIL}` }).click();
        expect(await lead.inputValue()).toBe("");
        expect(await focusedId(page)).toBe(LEAD);
        await expectSaveStatus(page, SAVED);
        expect((await backend.getCommitment(commitmentId)).commitment.leadInstitutionId).toBeNull();
        expectNoProblems(session);
        await session.close();
    });

    test("case and accents are ignored; supporting institutions are tags, each removed by its “Retirer” button", async () => {
        const { session, backend, commitmentId, idOf } = await openCommitment({
            institutions: [{ name: "Conseil d'État", acronym: "", kind: "court" }]
        });
        const { page } = session;
        const field = page.locator(`#${SUPPORTING}`);
        await field.fill("ECOLOGIQUE");
        await expect.poll(() => optionTexts(page, SUPPORTING)).toEqual([MTE]);
        await field.fill("etat");
        await expect.poll(() => optionTexts(page, SUPPORTING)).toEqual(["Conseil d'État"]);
        await field.fill("libertes");
        await expect.poll(() => optionTexts(page, SUPPORTING)).toEqual([CNIL]);
        await field.fill("zzz");
        await page.locator(`#${SUPPORTING} ~ .po-combobox__popup`).getByText("Aucune institution ne correspond à « zzz ».").waitFor();
        expect(await field.getAttribute("aria-expanded")).toBe("false");

        // Three chosen, with the keyboard; each is saved at once and shown as a tag.
        for (const typed of ["ecolo", "ETAT", "cour"]) {
            await field.fill(typed);
            await page.keyboard.press("ArrowDown");
            await page.keyboard.press("Enter");
            await expectSaveStatus(page, SAVED);
        }
        expect(await tags(page)).toEqual([MTE, "Conseil d'État", "Cour de cassation"]);
        expect(await field.inputValue()).toBe("");
        // The list marks those already chosen (first, as chosen lately, the latest first).
        await page.keyboard.press("ArrowDown");
        const chosen = page.locator(`#${SUPPORTING}-listbox [role=option][aria-selected=true]`);
        await expect.poll(() => chosen.allTextContents()).toEqual(["Cour de cassation", "Conseil d'État", MTE]);
        expect(await page.locator(`#${SUPPORTING}-listbox`).getAttribute("aria-multiselectable")).toBe("true");
        await expectAccessible(page, "supporting institutions, list open");
        await page.locator(`#${SUPPORTING}`).evaluate(element => element.scrollIntoView({ block: "start" }));
        await screenshots(page, "27-institution-picker");
        await page.keyboard.press("Escape");

        // Removed by its button; the focus goes to the next tag.
        await page.getByRole("button", { name: "Retirer Conseil d'État" }).click();
        expect(await tags(page)).toEqual([MTE, "Cour de cassation"]);
        await expectSaveStatus(page, SAVED);
        expect(await focusedId(page)).toBe(`${SUPPORTING}-${await idOf("Cour de cassation")}`);
        expect((await backend.getCommitment(commitmentId)).commitment.supportingInstitutionIds).toEqual([await idOf("MTE"), await idOf("Cour de cassation")]);
        // With the keyboard too: Enter on a tag's button.
        await page.keyboard.press("Enter");
        expect(await tags(page)).toEqual([MTE]);
        // Choosing a chosen one again in the list removes it.
        await field.fill("mte");
        await page.keyboard.press("ArrowDown");
        await page.keyboard.press("Enter");
        await expect.poll(() => tags(page)).toEqual([]);
        await expectSaveStatus(page, SAVED);
        expect((await backend.getCommitment(commitmentId)).commitment.supportingInstitutionIds).toEqual([]);
        expectNoProblems(session);
        await session.close();
    });

    test("the institutions chosen lately come first, then the others in alphabetical order, and this computer remembers them", async () => {
        const { session } = await openCommitment({
            // Sorted by the language's rules, not by character codes (which put "É" after "Z").
            institutions: [{ name: "École des hautes études en santé publique", acronym: "EHESP", kind: "other" }]
        });
        const { page } = session;
        const milestoneLead = "milestone-new-leadInstitutionId";
        // At first, no "recent" group: everything in alphabetical order.
        await page.locator(`#${milestoneLead}`).focus();
        await page.keyboard.press("ArrowDown");
        await expect.poll(() => optionTexts(page, milestoneLead)).toHaveLength(9);
        expect(await optionTexts(page, milestoneLead)).toEqual([
            "Assemblée nationale",
            CNIL,
            "Cour de cassation",
            "Direction interministérielle de la transformation publique (DITP)",
            "École des hautes études en santé publique (EHESP)",
            HATVP,
            "Ministère de l'Europe et des Affaires étrangères (MEAE)",
            MTE,
            "Ministère des Solidarités et de la Santé (MSS)"
        ]);
        expect(await page.locator(`#${milestoneLead}-listbox [role=group]`).count()).toBe(0);
        await page.keyboard.press("Escape");

        await pickInstitution(page, LEAD, "cnil", CNIL);
        await pickInstitution(page, SUPPORTING, "hatvp", HATVP);
        await expectSaveStatus(page, SAVED);

        const expectRecentFirst = async () => {
            await page.locator(`#${milestoneLead}`).focus();
            await page.keyboard.press("ArrowDown");
            const groups = page.locator(`#${milestoneLead}-listbox [role=group]`);
            await expect.poll(() => groups.count()).toBe(2);
            expect(await groups.nth(0).getAttribute("aria-labelledby").then(id => page.locator(`#${id}`).textContent())).toBe("Choisies récemment");
            expect(await groups.nth(0).locator("[role=option]").allTextContents()).toEqual([HATVP, CNIL]);
            expect(await groups.nth(1).getAttribute("aria-labelledby").then(id => page.locator(`#${id}`).textContent())).toBe("Par ordre alphabétique");
            expect(await groups.nth(1).locator("[role=option]").allTextContents()).toEqual([
                "Assemblée nationale",
                "Cour de cassation",
                "Direction interministérielle de la transformation publique (DITP)",
                "École des hautes études en santé publique (EHESP)",
                "Ministère de l'Europe et des Affaires étrangères (MEAE)",
                MTE,
                "Ministère des Solidarités et de la Santé (MSS)"
            ]);
            // Typing keeps the order: the recent one that matches first.
            await page.keyboard.type("c");
            await expect.poll(() => optionTexts(page, milestoneLead)).toEqual([CNIL, "Cour de cassation"]);
            await page.keyboard.press("Escape");
        };
        await expectRecentFirst();
        await expectAccessible(page, "institution picker with recent choices");
        // The app started again on this computer: still first.
        await page.reload();
        await page.locator("#commitment-title").waitFor();
        await expectRecentFirst();
        expectNoProblems(session);
        await session.close();
    });

    test("a milestone's lead institution is chosen the same way, when adding it and after", async () => {
        const { session, backend, commitmentId, idOf } = await openCommitment();
        const { page } = session;
        await page.locator("#milestone-new-title").fill("Publier le jeu de données");
        await pickInstitution(page, "milestone-new-leadInstitutionId", "hatvp", HATVP);
        // Enter in the open list chooses; it does not submit the form.
        await page.locator("#milestone-new-leadInstitutionId").fill("mte");
        await page.keyboard.press("ArrowDown");
        await page.keyboard.press("Enter");
        expect(await page.locator("#milestone-new-leadInstitutionId").inputValue()).toBe(MTE);
        expect((await backend.getCommitment(commitmentId)).milestones).toEqual([]);
        await page.locator("#milestone-new-submit").click();
        await page.getByTestId("milestone-0").waitFor();
        const [milestone] = (await backend.getCommitment(commitmentId)).milestones;
        expect(milestone!.leadInstitutionId).toBe(await idOf("MTE"));
        // The form is empty again.
        expect(await page.locator("#milestone-new-leadInstitutionId").inputValue()).toBe("");

        const field = `milestone-${milestone!.id}-leadInstitutionId`;
        expect(await page.locator(`#${field}`).inputValue()).toBe(MTE);
        await pickInstitution(page, field, "cnil", CNIL);
        await expectSaveStatus(page, SAVED);
        expect((await backend.getCommitment(commitmentId)).milestones[0]!.leadInstitutionId).toBe(await idOf("CNIL"));
        await page.getByRole("button", { name: `Retirer ${CNIL}` }).click();
        await expectSaveStatus(page, SAVED);
        expect((await backend.getCommitment(commitmentId)).milestones[0]!.leadInstitutionId).toBeNull();
        expectNoProblems(session);
        await session.close();
    });

    test("with 300 more institutions the list shows 50 at most, says how many more match, and narrows as one types", async () => {
        const many = Array.from({ length: 300 }, (_, n) => ({
            name: `Institution d'essai ${String(n + 1).padStart(3, "0")}`,
            acronym: "",
            kind: "other" as const
        }));
        const { session, backend, commitmentId } = await openCommitment({ institutions: many });
        const { page } = session;
        expect(await page.locator("[role=option]").count(), "no list is rendered before it is opened").toBe(0);
        const field = page.locator(`#${SUPPORTING}`);
        await field.focus();
        await page.keyboard.press("ArrowDown");
        await expect.poll(() => options(page, SUPPORTING).count()).toBe(50);
        expect(await page.locator("[role=option]").count(), "one list open, and only 50 options in the page").toBe(50);
        const hidden = page.getByTestId(`${SUPPORTING}-hidden`);
        expect(await hidden.textContent()).toBe("258 autres institutions ne sont pas affichées : précisez votre recherche par le nom ou le sigle.");
        // The pointed option follows the arrows down the list, scrolled into sight.
        for (let i = 0; i < 20; i++) await page.keyboard.press("ArrowDown");
        const active = page.locator(`#${SUPPORTING}-listbox .po-combobox__option--active`);
        // Assemblée nationale, CNIL, Cour de cassation, DITP, HATVP, then the 300 in order.
        expect(await active.textContent()).toBe("Institution d'essai 016");
        const [list, pointed] = [await page.locator(`#${SUPPORTING}-listbox`).boundingBox(), await active.boundingBox()];
        expect(pointed!.y).toBeGreaterThanOrEqual(list!.y);
        expect(pointed!.y + pointed!.height).toBeLessThanOrEqual(list!.y + list!.height + 1);

        await field.fill("essai 01");
        await expect.poll(() => optionTexts(page, SUPPORTING)).toEqual(Array.from({ length: 10 }, (_, n) => `Institution d'essai 01${n}`));
        expect(await hidden.count()).toBe(0);
        await page.getByRole("status").filter({ hasText: "10 institutions correspondent." }).waitFor({ state: "attached" });
        await field.fill("essai");
        await expect.poll(() => hidden.textContent()).toBe("250 autres institutions ne sont pas affichées : précisez votre recherche par le nom ou le sigle.");
        await field.fill("essai 123");
        await page.keyboard.press("ArrowDown");
        await page.keyboard.press("Enter");
        expect(await tags(page)).toEqual(["Institution d'essai 123"]);
        await expectSaveStatus(page, SAVED);
        expect((await backend.getCommitment(commitmentId)).commitment.supportingInstitutionIds).toHaveLength(1);
        expectNoProblems(session);
        await session.close();
    });

    test("the open list has no accessibility violation in the dark theme, and fits a narrow window", async () => {
        const { session } = await openCommitment({ colorScheme: "dark", viewport: { width: 600, height: 800 } });
        const { page } = session;
        await pickInstitution(page, LEAD, "cnil", CNIL);
        await pickInstitution(page, SUPPORTING, "hatvp", HATVP);
        await pickInstitution(page, SUPPORTING, "mte", MTE);
        await expectSaveStatus(page, SAVED);
        const field = page.locator(`#${SUPPORTING}`);
        await field.fill("min");
        await page.keyboard.press("ArrowDown");
        await expect.poll(() => options(page, SUPPORTING).count()).toBe(3);
        await expectAccessible(page, "institution picker open (dark)");
        // Nothing sticks out of the window: the list, the tags and the field.
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width).toBeLessThanOrEqual(600);
        const popup = await page.locator(`#${SUPPORTING} ~ .po-combobox__popup`).boundingBox();
        expect(popup!.x).toBeGreaterThanOrEqual(0);
        expect(popup!.x + popup!.width).toBeLessThanOrEqual(600);
        await field.evaluate(element => element.scrollIntoView({ block: "center" }));
        await page.screenshot({ path: `${SCREENSHOTS}/28-institution-picker-narrow-dark-600x800.png` });
        expectNoProblems(session);
        await session.close();
    });
});
