/** The commitment editor: a drafter fills in the OGP template, field by field, and its milestones. */
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
    expectAccessible,
    expectNoProblems,
    openApp,
    pickInstitution,
    screenshots,
    expectSaveStatus,
    SAVED,
    SCREENSHOTS,
    startBrowser,
    stopBrowser,
    type Session
} from "./harness";
import { laptop } from "./core";

beforeAll(startBrowser);
afterAll(stopBrowser);

/** Loads the demo and creates a commitment in its fourth area (ecological transition). */
async function newCommitment(
    title: string,
    options: { colorScheme?: "light" | "dark"; viewport?: { width: number; height: number }; systemLocale?: string } = {}
): Promise<Session> {
    const session = await openApp(options);
    const { page } = session;
    await page.locator("#load-demo").click();
    await page.locator("main h1", { hasText: "France — Plan d'action national 2021-2023" }).waitFor();
    await page.locator("section.po-area").nth(3).locator("[data-testid^=add-commitment-]").click();
    await page.locator("#commitment-new-title").fill(title);
    await page.locator("#commitment-new-submit").click();
    await page.locator("#commitment-title").waitFor();
    return session;
}

const fieldGroup = (page: Page, id: string) => page.locator(".fr-input-group, .fr-select-group", { has: page.locator(`#${id}`) });

async function addMilestone(page: Page, title: string, dueDate = "", options: { expectAdded?: boolean } = {}) {
    await page.locator("#milestone-new-title").fill(title);
    await page.locator("#milestone-new-dueDate").fill(dueDate);
    await page.locator("#milestone-new-submit").click();
    if (options.expectAdded ?? true) await expect.poll(() => milestoneTitles(page)).toContain(title);
}

/**
 * The save status is inside the window, drawn on top (nothing covers it), the page scrolled past
 * the title, and it does not overlap the field being edited.
 */
async function expectStatusInSight(page: Page, viewport: { width: number; height: number }, options: { focused: Locator }) {
    const status = page.getByTestId("save-status");
    expect(await status.count()).toBe(1);
    expect(await status.getAttribute("role")).toBe("status");
    expect(await status.getAttribute("aria-live")).toBe("polite");
    const title = await page.locator("main h1").boundingBox();
    expect(title!.y + title!.height, "the page is scrolled past the title").toBeLessThan(0);
    const box = (await status.boundingBox())!;
    expect(box.height).toBeGreaterThan(0);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    const onTop = await status.evaluate(element => {
        const r = element.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + Math.min(r.width / 2, 40), r.top + r.height / 2);
        return hit !== null && element.contains(hit);
    });
    expect(onTop, "nothing covers the save status").toBe(true);
    const field = (await options.focused.boundingBox())!;
    const overlaps = box.x < field.x + field.width && field.x < box.x + box.width && box.y < field.y + field.height && field.y < box.y + box.height;
    expect(overlaps, "the save status does not cover the field").toBe(false);
}

const milestoneTitles = (page: Page) =>
    page.locator("[data-testid^=milestone-] textarea[id$=-title]").evaluateAll(areas => areas.map(a => (a as HTMLTextAreaElement).value));

describe("Engagement", () => {
    test("every template field is there, in its section, and saved after typing", async () => {
        const session = await newCommitment("Ouvrir les données de la rénovation énergétique");
        const { page } = session;
        for (const section of ["Définition du problème", "Description de l'engagement", "Analyse de l'engagement", "Planification", "Contact"]) {
            await page.getByRole("heading", { level: 2, name: section, exact: true }).waitFor();
        }
        for (const field of [
            "title", "areaId", "problem", "causes", "briefDescription", "doneSoFar", "solution", "expectedResults",
            "transparency", "accountability", "participation", "accessToInformation", "civicParticipation",
            "publicAccountability", "technologyInnovation", "startDate", "endDate", "leadInstitutionId",
            "otherSupporters", "contactName", "contactTitle", "contactDepartment", "contactEmail", "contactPhone"
        ]) {
            expect(await page.locator(`#commitment-${field}`).count(), field).toBe(1);
        }
        for (const label of ["Accès à l'information", "Participation civique", "Redevabilité publique", "Technologie et innovation"]) {
            await page.getByLabel(label).waitFor({ state: "attached" });
        }
        await page.locator("nav.fr-breadcrumb").getByText("France — Plan d'action national 2021-2023").waitFor();

        await page.locator("#commitment-problem").fill("Les données de la rénovation sont dispersées.");
        await expect.poll(() => page.getByTestId("save-status").textContent()).toContain("Enregistrement…");
        await expectSaveStatus(page, SAVED);

        // Choices save at once.
        await page.locator("label[for=commitment-accessToInformation]").click();
        await pickInstitution(page, "commitment-leadInstitutionId", "transition", "Ministère de la Transition écologique (MTE)");
        await pickInstitution(page, "commitment-supportingInstitutionIds", "ditp", "DITP");
        await page.locator("#commitment-startDate").fill("2022-01-01");
        await page.locator("#commitment-startDate").blur();
        await expectSaveStatus(page, SAVED);

        expect(await page.locator("#commitment-accessToInformation").isChecked()).toBe(true);
        expect(await page.locator("#commitment-problem").inputValue()).toBe("Les données de la rénovation sont dispersées.");
        expectNoProblems(session);
        await session.close();
    });

    test("the values typed are those the overview counts, after the save", async () => {
        const session = await newCommitment("Mesurer la qualité de l'eau");
        const { page } = session;
        await page.locator("#commitment-problem").fill("Un problème");
        await page.locator("#commitment-causes").fill("Des causes");
        await page.locator("#commitment-causes").blur();
        await expectSaveStatus(page, SAVED);
        await page.locator("nav.fr-breadcrumb a", { hasText: "France — Plan d'action national 2021-2023" }).click();
        const row = page.locator("li.po-commitment", { hasText: "Mesurer la qualité de l'eau" });
        await row.getByText("2/15 champs remplis").waitFor();
        expectNoProblems(session);
        await session.close();
    });

    test("a bad e-mail shows the backend's French message next to the field, and “Non enregistré” until fixed", async () => {
        const session = await newCommitment("Associer les usagers");
        const { page } = session;
        await page.locator("#commitment-contactEmail").fill("marie.curie");
        await page.locator("#commitment-contactEmail").blur();
        const group = fieldGroup(page, "commitment-contactEmail");
        await group
            .getByText("Adresse électronique invalide : elle doit être de la forme prenom.nom@exemple.gouv.fr.")
            .waitFor();
        await group.getByText("Non enregistré.").waitFor();
        await expect.poll(() => page.getByTestId("save-status").textContent()).toContain("Non enregistré : 1 champ à corriger");
        expect(await page.locator("#commitment-contactEmail").inputValue()).toBe("marie.curie");
        expect(await page.locator("#commitment-contactEmail").getAttribute("aria-describedby")).toBeTruthy();
        await expectAccessible(page, "commitment with an error");
        await group.evaluate(element => element.scrollIntoView({ block: "center" }));
        await screenshots(page, "21-commitment-error");

        // Another field saved meanwhile does not hide the one to correct.
        await page.locator("#commitment-causes").fill("Des causes");
        await page.locator("#commitment-causes").blur();
        await expect.poll(() => page.getByTestId("save-status").textContent()).toContain("Non enregistré : 1 champ à corriger");

        // Leaving the page with it asks first; staying comes back to the field to correct.
        const url = page.url();
        await page.locator("#nav-plans").click();
        const leave = page.locator("#leave-modal");
        await leave.getByText("1 valeur saisie n'est pas enregistrée : elle est refusée telle quelle. Si vous quittez la page, elle sera perdue.").waitFor();
        expect(page.url()).toBe(url);
        await expectAccessible(page, "leaving with a value not saved");
        await page.locator("#leave-stay").click();
        await leave.waitFor({ state: "hidden" });
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("commitment-contactEmail");
        expect(page.url()).toBe(url);

        await page.locator("#commitment-contactEmail").fill("marie.curie@exemple.gouv.fr");
        await page.locator("#commitment-contactEmail").blur();
        await expectSaveStatus(page, SAVED);
        expect(await group.getByText("Non enregistré.").count()).toBe(0);

        // Refused again, the person may also leave without saving.
        await page.locator("#commitment-contactEmail").fill("marie.curie");
        await page.locator("#commitment-contactEmail").blur();
        await expect.poll(() => page.getByTestId("save-status").textContent()).toContain("Non enregistré : 1 champ à corriger");
        await page.locator("#nav-plans").click();
        await page.locator("#leave-anyway").click();
        await page.locator("main h1", { hasText: "Plans d'action" }).waitFor();
        expectNoProblems(session);
        await session.close();
    });

    test("dates are typed and shown day/month/year in French, whatever the system's language, and saved as dates", async () => {
        // A computer set to American English: the fields still read and take French dates.
        const session = await newCommitment("Ouvrir les données des pollens", { systemLocale: "en-US" });
        const { page } = session;
        const id = decodeURIComponent((await page.evaluate(() => location.hash)).replace("#/commitments/", ""));
        const core = laptop(session.laptop);
        const start = page.locator("#commitment-startDate");
        await fieldGroup(page, "commitment-startDate").getByText("Au format jj/mm/aaaa, par exemple 31/12/2026.").waitFor();

        await start.click();
        await start.pressSequentially("1/2/2022");
        await start.press("Tab");
        await expectSaveStatus(page, SAVED);
        expect(await start.inputValue()).toBe("01/02/2022");
        expect((await core.getCommitment(id)).commitment.startDate).toBe("2022-02-01");

        // A day February does not have: said in French under the field, nothing sent to the core.
        await start.fill("31/02/2022");
        await start.blur();
        await fieldGroup(page, "commitment-startDate").getByText("Il n'y a pas de 31 février 2022 : ce mois compte 28 jours.").waitFor();
        await fieldGroup(page, "commitment-startDate").getByText("Non enregistré.").waitFor();
        await expect.poll(() => page.getByTestId("save-status").textContent()).toContain("Non enregistré : 1 champ à corriger");
        expect((await core.getCommitment(id)).commitment.startDate).toBe("2022-02-01");
        await expectAccessible(page, "a date field with a wrong date");

        // Month first, as an American would type it: the field says to type the day first.
        await start.fill("02/15/2022");
        await start.blur();
        await fieldGroup(page, "commitment-startDate").getByText(/^Il n'y a pas de mois 15 : écrivez d'abord le jour/).waitFor();

        // The keyboard: ↑ moves a day on, Page down a month back.
        await start.fill("28/02/2022");
        await start.press("ArrowUp");
        expect(await start.inputValue()).toBe("01/03/2022");
        await start.press("PageDown");
        expect(await start.inputValue()).toBe("01/02/2022");
        await start.blur();
        await expectSaveStatus(page, SAVED);
        expect((await core.getCommitment(id)).commitment.startDate).toBe("2022-02-01");

        // The core still judges the date against the plan's period, in French.
        const end = page.locator("#commitment-endDate");
        await end.fill("15/01/2024");
        await end.blur();
        await fieldGroup(page, "commitment-endDate").getByText(/La date doit être comprise dans la période du plan d'action, du 17\/12\/2021 au 31\/12\/2023/).waitFor();
        await end.fill("31 déc. 2023");
        await end.blur();
        await expectSaveStatus(page, SAVED);
        expect(await end.inputValue()).toBe("31/12/2023");
        expect((await core.getCommitment(id)).commitment.endDate).toBe("2023-12-31");

        // Opened again, the stored dates show as typed; in English too, day first.
        await page.reload();
        await expect.poll(() => page.locator("#commitment-startDate").inputValue()).toBe("01/02/2022");
        await page.locator("#lang-en").click();
        await fieldGroup(page, "commitment-startDate").getByText("Day/month/year, for example 31/12/2026.").waitFor();
        expect(await page.locator("#commitment-startDate").inputValue()).toBe("01/02/2022");
        await page.locator("#commitment-startDate").fill("30/02/2022");
        await page.locator("#commitment-startDate").blur();
        await fieldGroup(page, "commitment-startDate").getByText("There is no 30 February 2022: that month has 28 days.").waitFor();
        await page.locator("#lang-fr").click();
        expectNoProblems(session);
        await session.close();
    });

    test("a title made of HTML is shown as text, and nothing runs", async () => {
        const xss = "<img src=x onerror=alert(1)>";
        const session = await newCommitment(xss);
        const { page } = session;
        await expect.poll(() => page.locator("main h1").textContent()).toBe(xss);
        expect(await page.locator("main img").count()).toBe(0);
        await page.locator("nav.fr-breadcrumb a", { hasText: "France — Plan d'action national 2021-2023" }).click();
        await page.getByRole("link", { name: xss }).waitFor();
        expect(await page.locator("main img").count()).toBe(0);
        await page.waitForTimeout(200);
        expectNoProblems(session); // no dialog fired
        await session.close();
    });

    test("milestones are added, refused outside the plan's period, reordered and deleted after confirmation", async () => {
        const session = await newCommitment("Publier les données de la qualité de l'air");
        const { page } = session;

        // The backend refuses a due date outside the plan's period, under "Date d'échéance".
        await addMilestone(page, "Publier le jeu de données", "2024-03-01", { expectAdded: false });
        await fieldGroup(page, "milestone-new-dueDate")
            .getByText("La date doit être comprise dans la période du plan d'action, du 17/12/2021 au 31/12/2023.")
            .waitFor();
        expect(await page.locator("#milestone-new-title").inputValue()).toBe("Publier le jeu de données");
        await expectAccessible(page, "milestone form with an error");
        await fieldGroup(page, "milestone-new-dueDate").evaluate(element => element.scrollIntoView({ block: "center" }));
        await screenshots(page, "22-commitment-milestone-error");

        await page.locator("#milestone-new-dueDate").fill("2022-06-30");
        await page.locator("#milestone-new-submit").click();
        await page.getByTestId("milestone-0").waitFor();
        await addMilestone(page, "Documenter les indicateurs", "2022-09-30");
        await addMilestone(page, "Évaluer les réutilisations", "");
        await expect.poll(() => milestoneTitles(page)).toEqual([
            "Publier le jeu de données",
            "Documenter les indicateurs",
            "Évaluer les réutilisations"
        ]);

        // Reorder with the keyboard: the focus follows the moved milestone.
        const down = page.getByRole("button", { name: "Descendre le jalon « Publier le jeu de données »" });
        await down.focus();
        await page.keyboard.press("Enter");
        await expect.poll(() => milestoneTitles(page)).toEqual([
            "Documenter les indicateurs",
            "Publier le jeu de données",
            "Évaluer les réutilisations"
        ]);
        await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(
            "Descendre le jalon « Publier le jeu de données »"
        );
        await page.getByRole("button", { name: "Monter le jalon « Évaluer les réutilisations »" }).click();
        await expect.poll(() => milestoneTitles(page)).toEqual([
            "Documenter les indicateurs",
            "Évaluer les réutilisations",
            "Publier le jeu de données"
        ]);
        expect(await page.getByRole("button", { name: "Monter le jalon « Documenter les indicateurs »" }).isDisabled()).toBe(true);
        // Numbered by the core as the printable plan numbers them: the commitment is the second of
        // the fourth area, its milestones follow it, in their new order.
        expect(await page.locator("#commitment-number").textContent()).toBe("Engagement 4.2");
        await expect
            .poll(() => page.locator("[data-testid^=milestone-] h4").allTextContents())
            .toEqual([
                "Jalon 4.2.1 : Documenter les indicateurs",
                "Jalon 4.2.2 : Évaluer les réutilisations",
                "Jalon 4.2.3 : Publier le jeu de données"
            ]);

        // A milestone field saves itself, and refuses what the backend refuses.
        const first = await page.getByTestId("milestone-0").locator("textarea[id$=-title]").getAttribute("id");
        const id = first!.replace(/^milestone-/, "").replace(/-title$/, "");
        await page.locator(`#milestone-${id}-dueDate`).fill("2025-01-01");
        await page.locator(`#milestone-${id}-dueDate`).blur();
        await fieldGroup(page, `milestone-${id}-dueDate`).getByText(/La date doit être comprise dans la période/).waitFor();
        await expect.poll(() => page.getByTestId("save-status").textContent()).toContain("Non enregistré : 1 champ à corriger");
        await page.locator(`#milestone-${id}-dueDate`).fill("2023-01-31");
        await page.locator(`#milestone-${id}-dueDate`).blur();
        await expectSaveStatus(page, SAVED);
        await page.locator(`#milestone-${id}-title`).fill("Documenter tous les indicateurs");
        await page.locator(`#milestone-${id}-title`).blur();
        await expectSaveStatus(page, SAVED);
        await page.getByRole("button", { name: "Supprimer le jalon « Documenter tous les indicateurs »" }).waitFor();

        await expectAccessible(page, "commitment with milestones");
        await screenshots(page, "23-commitment-milestones");

        // Delete: a confirmation first; cancelling keeps it.
        await page.getByRole("button", { name: "Supprimer le jalon « Évaluer les réutilisations »" }).click();
        const confirm = page.locator("#milestone-delete-modal");
        await confirm.getByText("Supprimer le jalon « Évaluer les réutilisations » ? Vous pourrez annuler la suppression pendant 30 secondes.").waitFor();
        await expectAccessible(page, "milestone delete confirmation");
        await screenshots(page, "24-commitment-milestone-confirm");
        await confirm.getByRole("button", { name: "Annuler" }).click();
        await confirm.waitFor({ state: "hidden" });
        expect(await milestoneTitles(page)).toHaveLength(3);
        await page.getByRole("button", { name: "Supprimer le jalon « Évaluer les réutilisations »" }).click();
        await confirm.getByTestId("confirm").click();
        await expect.poll(() => milestoneTitles(page)).toEqual(["Documenter tous les indicateurs", "Publier le jeu de données"]);
        // The notice says what was deleted and undoes it: the milestone is back in its place.
        await page.locator("#deletion-notice").getByText("Le jalon « Évaluer les réutilisations » a été supprimé.").waitFor();
        await page.locator("#deletion-undo").click();
        await expect.poll(() => milestoneTitles(page)).toHaveLength(3);
        expect((await milestoneTitles(page))).toContain("Évaluer les réutilisations");
        expectNoProblems(session);
        await session.close();
    });

    test("the commitment moves to another area, and is deleted after confirmation", async () => {
        const session = await newCommitment("Un engagement à déplacer");
        const { page } = session;
        await page.locator("#commitment-areaId").selectOption({ label: "Répondre à la crise sanitaire" });
        await page.locator("nav.fr-breadcrumb").getByText("Axe : Répondre à la crise sanitaire").waitFor();
        await expectSaveStatus(page, SAVED);
        // The deletion comes after every field, not first under the title for a keyboard user.
        const after = await page.evaluate(() => {
            const del = document.getElementById("commitment-delete");
            const last = document.getElementById("commitment-contactPhone");
            return del !== null && last !== null && (last.compareDocumentPosition(del) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
        });
        expect(after).toBe(true);
        await page.locator("#commitment-delete").click();
        const confirm = page.locator("#commitment-delete-modal");
        await confirm.getByText("Supprimer l'engagement « Un engagement à déplacer » et tous ses jalons ? Vous pourrez annuler la suppression pendant 30 secondes.").waitFor();
        await confirm.getByTestId("confirm").click();
        await page.locator("main h1", { hasText: "France — Plan d'action national 2021-2023" }).waitFor();
        expect(await page.locator("li.po-commitment", { hasText: "Un engagement à déplacer" }).count()).toBe(0);
        // The overview says what was deleted; undoing brings the commitment back and opens it.
        await page.locator("#deletion-notice").getByText("L'engagement « Un engagement à déplacer » a été supprimé.").waitFor();
        await page.locator("#deletion-undo").click();
        await page.locator("main h1", { hasText: "Un engagement à déplacer" }).waitFor();
        await page.locator("nav.fr-breadcrumb").getByText("Axe : Répondre à la crise sanitaire").waitFor();
        expectNoProblems(session);
        await session.close();
    });

    for (const viewport of [
        { width: 1280, height: 800 },
        { width: 1024, height: 768 }
    ]) {
        test(`the save status stays in sight while a milestone far down is edited (${viewport.width}×${viewport.height})`, async () => {
            const session = await newCommitment("Suivre la qualité de l'air en continu", { viewport });
            const { page } = session;
            await addMilestone(page, "Publier le jeu de données", "2022-06-30");
            const milestone = page.getByTestId("milestone-0");
            const titleId = await milestone.locator("textarea[id$=-title]").getAttribute("id");
            const field = page.locator(`#${titleId!.replace(/-title$/, "-expectedOutputs")}`);
            await field.scrollIntoViewIfNeeded();
            await field.click();
            await field.fill("Un jeu de données ouvert, mis à jour chaque jour.");
            await expectSaveStatus(page, SAVED); // saved as the officer types, the field still focused
            await expectStatusInSight(page, viewport, { focused: field });
            await field.blur();

            // Down at the contacts too, and in the refused state.
            const email = page.locator("#commitment-contactEmail");
            await email.scrollIntoViewIfNeeded();
            await email.fill("pas-une-adresse");
            await email.blur();
            await expectSaveStatus(page, /^Non enregistré : 1 champ à corriger$/);
            await expectStatusInSight(page, viewport, { focused: email });
            await expectAccessible(page, `commitment scrolled to the contacts (${viewport.width}×${viewport.height})`);
            await screenshots(page, "25-commitment-status-in-sight");
            expectNoProblems(session);
            await session.close();
        });
    }

    test("on a narrow window the save status is a bar at the top, and the focus never lands under it", async () => {
        const viewport = { width: 600, height: 800 };
        const session = await newCommitment("Associer les riverains", { viewport });
        const { page } = session;
        await addMilestone(page, "Réunir un premier comité", "2022-06-30");
        const field = page.getByTestId("milestone-0").locator("textarea[id$=-title]");
        await field.scrollIntoViewIfNeeded();
        await field.fill("Réunir le premier comité de suivi");
        await expectSaveStatus(page, SAVED);
        await expectStatusInSight(page, viewport, { focused: field });

        // Going back up with the keyboard: the field reached is scrolled out from under the bar.
        const bar = await page.locator(".po-editor__side").boundingBox();
        const previous = page.locator("#commitment-causes");
        const target = page.locator("#commitment-briefDescription");
        await target.evaluate(element => {
            const top = element.getBoundingClientRect().top;
            window.scrollBy(0, top - 10); // the field now sits under the bar
        });
        await previous.evaluate(element => (element as HTMLElement).focus({ preventScroll: true }));
        await page.keyboard.press("Tab");
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("commitment-briefDescription");
        const stuck = await page.locator(".po-editor__side").boundingBox();
        const box = await target.boundingBox();
        expect(stuck!.y, "the bar is stuck at the top").toBe(0);
        expect(box!.y, "the focused field is below the bar").toBeGreaterThanOrEqual(stuck!.y + stuck!.height);
        expect(bar!.height).toBe(stuck!.height);

        // The side menu, folded in the bar, leads to a section and folds again.
        await page.getByRole("button", { name: "Sections de l'engagement" }).click();
        await page.locator(".fr-sidemenu__link", { hasText: "Contact" }).click();
        await expect.poll(() => page.getByRole("button", { name: "Sections de l'engagement" }).getAttribute("aria-expanded")).toBe("false");
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("section-contacts");
        await page.waitForFunction(() => document.getAnimations().every(a => a.playState !== "running"));
        const heading = await page.locator("#section-contacts").boundingBox();
        const barAfter = await page.locator(".po-editor__side").boundingBox();
        expect(heading!.y).toBeGreaterThanOrEqual(barAfter!.y + barAfter!.height);
        await expectAccessible(page, "commitment on a narrow window");
        await page.screenshot({ path: `${SCREENSHOTS}/26-commitment-narrow-600x800.png` });
        expectNoProblems(session);
        await session.close();
    });

    test("the editor has no accessibility violation, in light and dark themes", async () => {
        for (const colorScheme of ["light", "dark"] as const) {
            const session = await newCommitment("Ouvrir les données de l'énergie", { colorScheme });
            const { page } = session;
            await addMilestone(page, "Publier un premier jeu de données", "2022-06-30");
            await page.getByTestId("milestone-0").waitFor();
            await expectAccessible(page, `commitment (${colorScheme})`);
            await page.evaluate(() => window.scrollTo(0, 0));
            await screenshots(page, `20-commitment-${colorScheme}`);
            expectNoProblems(session);
            await session.close();
        }
    });
});
