/**
 * Workshops on the real core: a facilitator prepares one (a refused field, then fixed), the room
 * takes two participants with the keyboard alone — nothing of the first left once « Participant
 * suivant » is pressed —, a priority vote, a proposal traced to a commitment that then shows where
 * it came from, a contribution deleted and brought back; the pickers with the OGP sample imported
 * and a plan of hundreds of commitments; and, through a real server, another institution's people
 * who see the workshop without its participants' names.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Backend } from "../../src/core/backend";
import { importEveryPlan, laptop, newLaptop, OGP_SAMPLE, script, startPlanServer, type Person, type PlanServer } from "./core";
import { expectAccessible, expectNoProblems, openApp, pickInstitution, screenshots, startBrowser, stopBrowser } from "./harness";

beforeAll(startBrowser);
afterAll(stopBrowser);

const COMMITMENT = "Publier en données ouvertes les déclarations des responsables publics";
const PROPOSAL = "Publier les agendas des ministres chaque semaine.";
const COMMENT = "Le jalon devrait dire quand le registre ouvre.";

/** The id of the element that has the keyboard focus. */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");

/** Presses Tab until the element `id` has the focus (as a person would), failing after `max`. */
async function tabTo(page: Page, id: string, max = 30): Promise<void> {
    for (let i = 0; i < max; i++) {
        if ((await focused(page)) === id) return;
        await page.keyboard.press("Tab");
    }
    throw new Error(`Tab never reached #${id} (focus on #${await focused(page)})`);
}

/** The messages shown under the fields of a form. */
const fieldMessages = (page: Page, form: string) => page.locator(`${form} .fr-error-text, ${form} .fr-message--error`).allTextContents();

describe("workshops on one laptop", () => {
    test("prepared, run in the room with the keyboard alone, voted on, traced to the commitment it fed", async () => {
        const session = await openApp();
        const { page } = session;
        await page.locator("#load-demo").click();
        await page.locator("main a", { hasText: COMMITMENT }).waitFor();
        await page.locator("#plan-workshops").click();
        await page.locator("h1", { hasText: "Ateliers" }).waitFor();
        await page.locator("#workshops-none").waitFor();

        // Prepared: the information text proposed, the keeping day a year after the workshop.
        await page.locator("#workshop-new").click();
        await page.locator("#workshop-title").fill("Atelier transparence de la vie publique");
        await page.locator("#workshop-heldOn").fill("12/03/2026");
        await page.locator("#workshop-place").fill("Salle 204, Ségur");
        await page.locator("#workshop-facilitator").fill("Claire Martin");
        expect(await page.locator("#workshop-keepUntil").inputValue()).toBe("12/03/2027");
        expect(await page.locator("#workshop-consentText").inputValue()).toMatch(/^Ce que vous dites aujourd'hui sert à construire le plan/);
        // Nobody signed in: the organising institution is chosen.
        await pickInstitution(page, "workshop-institutionId", "HATVP", "Haute Autorité");
        await page.locator("#workshop-commitmentIds-filter").fill("2.1");
        await page.locator("#workshop-commitmentIds").getByText(`2.1 — ${COMMITMENT}`).click();
        await page.locator("#workshop-commitmentIds-filter").fill("");
        expect(await page.locator("#workshop-commitmentIds .fr-tag").allTextContents()).toEqual([`2.1 — ${COMMITMENT}`]);
        await page.locator("#workshop-keepUntil").fill("01/01/2030");
        await page.locator("#workshop-submit").click();
        await expect.poll(() => fieldMessages(page, "#workshop-form")).toEqual([expect.stringContaining("au plus 730 jours après l'atelier")]);
        expect(await focused(page)).toBe("workshop-keepUntil");
        await expectAccessible(page, "a workshop's preparation refused");
        await page.locator("#workshop-keepUntil").fill("12/03/2027");
        await page.locator("#workshop-submit").click();
        await page.locator("h1", { hasText: "Atelier transparence de la vie publique" }).waitFor();
        expect(await page.locator("#workshop-institution").textContent()).toContain("HATVP");
        expect(await page.locator("#workshop-keep-until").textContent()).toBe("12/03/2027");
        const workshopHash = await page.evaluate(() => location.hash);

        // The room: large type, the keyboard alone.
        await page.locator("#workshop-room").click();
        await page.locator("#room-consent-text").waitFor();
        expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe("20px");
        expect(await page.locator("header, footer, nav").count(), "no navigation in the room").toBe(0);
        await expect.poll(() => focused(page)).toBe("room-consent");
        await expectAccessible(page, "the room, the information text");
        await screenshots(page, "workshop-room-consent");
        // Nothing without the agreement.
        await page.keyboard.press("Enter");
        await page.locator("#room-consent-error").waitFor();
        await page.keyboard.press("Space");
        await page.keyboard.press("Enter");
        await expect.poll(() => focused(page)).toBe("room-name");
        await page.keyboard.type("Awa");
        await page.keyboard.press("Tab");
        expect(await focused(page)).toBe("room-kind-citizen");
        await page.keyboard.press("Space");
        await page.keyboard.press("Tab");
        expect(await focused(page)).toBe("room-contact");
        expect(await page.locator("#room-email").count(), "the address only once accepted").toBe(0);
        await page.keyboard.press("Space");
        await page.keyboard.press("Tab");
        expect(await focused(page)).toBe("room-email");
        await page.keyboard.type("awa@example.org");
        await expectAccessible(page, "the room, who the participant is");
        await page.keyboard.press("Enter");
        await page.locator("#room-contribute", { hasText: "Awa" }).waitFor();
        await expect.poll(() => focused(page)).toBe("room-what-proposal");
        // A proposal, then a comment on a milestone of the commitment discussed.
        await page.keyboard.press("Tab");
        expect(await focused(page)).toBe("room-text");
        await page.keyboard.type(PROPOSAL);
        await page.keyboard.press("Enter");
        await expect.poll(() => page.locator("#room-mine li").allTextContents()).toEqual([`Proposition — ${PROPOSAL}`]);
        await expect.poll(() => focused(page)).toBe("room-what-proposal");
        await page.keyboard.press("ArrowRight");
        expect(await focused(page)).toBe("room-what-comment");
        await page.keyboard.press("Tab");
        expect(await focused(page)).toBe("room-about");
        await page.keyboard.press("ArrowDown");
        await page.keyboard.press("ArrowDown");
        expect(await page.locator("#room-about option:checked").textContent()).toMatch(/^Jalon 2\.1\.1 — /);
        await page.keyboard.press("Tab");
        await page.keyboard.type(COMMENT);
        await page.keyboard.press("Enter");
        await expect.poll(() => page.locator("#room-mine li").count()).toBe(2);
        expect(await page.locator("#room-mine li").nth(1).textContent()).toBe(`Commentaire — 2.1.1 — ${COMMENT}`);
        await expectAccessible(page, "the room, contributions");
        await screenshots(page, "workshop-room-contributions");

        // Next participant: nothing of Awa left on the screen, in the page or in its fields.
        await tabTo(page, "room-next");
        await page.keyboard.press("Enter");
        await expect.poll(() => focused(page)).toBe("room-consent");
        const html = await page.content();
        for (const trace of ["Awa", "awa@example.org", PROPOSAL, COMMENT, "Vos contributions"]) {
            expect(html, `${trace} is gone`).not.toContain(trace);
        }
        expect(await page.locator("#room-consent").isChecked()).toBe(false);
        expect(await page.locator("#room-step").textContent()).toBe("Étape 1 sur 3");

        // Bruno votes for Awa's proposal.
        await page.keyboard.press("Space");
        await page.keyboard.press("Enter");
        await expect.poll(() => focused(page)).toBe("room-name");
        await page.keyboard.type("Bruno");
        // Continuing without saying where one comes from is refused at once, next to the choice.
        await page.keyboard.press("Enter");
        await expect.poll(() => fieldMessages(page, "#room-identity-form")).toEqual(["Choisissez d'où vous venez."]);
        await page.keyboard.press("ArrowDown");
        expect(await focused(page)).toBe("room-kind-association");
        await page.keyboard.press("Enter");
        await page.locator("#room-contribute", { hasText: "Bruno" }).waitFor();
        await expect.poll(() => focused(page)).toBe("room-what-proposal");
        await page.keyboard.press("ArrowRight");
        await page.keyboard.press("ArrowRight");
        expect(await focused(page)).toBe("room-what-vote");
        await page.keyboard.press("Tab");
        expect(await focused(page)).toBe("room-choice-1");
        await page.keyboard.press("ArrowDown");
        expect(await page.locator("#room-choice-1 option:checked").textContent()).toBe(PROPOSAL);
        await expectAccessible(page, "the room, a vote");
        await screenshots(page, "workshop-room-vote");
        await page.keyboard.press("Enter");
        await expect.poll(() => page.locator("#room-mine li").allTextContents()).toEqual([`Vote de priorité — 1. ${PROPOSAL}`]);
        expect(await page.locator("#room-what-vote").count(), "one vote each").toBe(0);
        await page.locator("#room-quit").click();

        // The workshop's page: counted by kind, named (this laptop ran it), the vote counted.
        await page.locator("#workshop-participants-count").waitFor();
        expect(await page.locator("#workshop-participants-count").textContent()).toBe("2 personnes ont pris part à l'atelier.");
        const byKind = await page.locator("#workshop-by-kind tbody tr").allTextContents();
        expect(byKind).toEqual(["Citoyen ou citoyenne1", "Association1", "Entreprise0", "Administration0", "Élu ou élue0"]);
        expect(await page.locator("#workshop-names tbody th").allTextContents()).toEqual(["Awa", "Bruno"]);
        const proposal = page.locator("#workshop-proposals li.po-contribution").first();
        expect(await proposal.textContent()).toContain("1 vote, dont 1 en premier choix");
        expect(await page.locator("#workshop-comments").textContent()).toContain("Sur 2.1.1 — ");
        await expectAccessible(page, "a workshop's page");
        await screenshots(page, "workshop-page");

        // Traced: not kept needs a reason; kept, it names the commitment it fed.
        const proposalId = (await proposal.getAttribute("id"))!.replace("contribution-", "");
        await page.locator(`#trace-${proposalId}-open`).click();
        await expect.poll(() => focused(page)).toBe(`trace-${proposalId}-outcome-undecided`);
        await page.locator(`label[for="trace-${proposalId}-outcome-notKept"]`).click();
        await page.locator(`#trace-${proposalId}-save`).click();
        await expect.poll(() => fieldMessages(page, `#trace-${proposalId}`)).toEqual(["Ce champ est obligatoire."]);
        expect(await focused(page)).toBe(`trace-${proposalId}-outcomeReason`);
        await page.locator(`label[for="trace-${proposalId}-outcome-kept"]`).click();
        await page.locator(`#trace-${proposalId}-fed-filter`).fill("2.1");
        await page.locator(`#trace-${proposalId}-fed`).getByText(`2.1 — ${COMMITMENT}`).click();
        await expectAccessible(page, "a contribution's trace editor");
        await screenshots(page, "workshop-trace");
        await page.locator(`#trace-${proposalId}-save`).click();
        await expect.poll(() => page.locator(`#trace-${proposalId}`).textContent()).toContain("Suite donnée : Retenue");
        expect(await page.locator(`#trace-${proposalId}`).textContent()).toContain(`2.1 — ${COMMITMENT}`);

        // A comment typed by mistake goes, and comes back.
        const comment = page.locator("#workshop-comments li.po-contribution").first();
        const commentId = (await comment.getAttribute("id"))!.replace("contribution-", "");
        await page.locator(`#contribution-${commentId}-delete`).click();
        await page.locator("#deletion-undo").waitFor();
        expect(await page.locator("#deletion-notice").textContent()).toContain(`La contribution « ${COMMENT} » a été supprimée.`);
        await expect.poll(() => page.locator("#workshop-comments").count()).toBe(0);
        await page.locator("#deletion-undo").click();
        await expect.poll(() => page.locator("#workshop-comments li.po-contribution").allTextContents()).toEqual([expect.stringContaining(COMMENT)]);

        // The commitment shows the contribution it came from, leading back to the workshop.
        await page.locator(`#trace-${proposalId} a`, { hasText: COMMITMENT }).click();
        const cameFrom = page.locator("#commitment-contributions");
        await cameFrom.waitFor();
        expect(await cameFrom.locator("h2").textContent()).toBe("Contributions d'ateliers à l'origine");
        const item = await cameFrom.locator("li").first().textContent();
        expect(item).toContain("Atelier transparence de la vie publique, 12/03/2026");
        expect(item).toContain("Proposition");
        expect(item).toContain(PROPOSAL);
        expect(item).toContain("Suite donnée : Retenue");
        await cameFrom.scrollIntoViewIfNeeded();
        await expectAccessible(page, "a commitment with the contributions it came from");
        await screenshots(page, "workshop-commitment-came-from");
        await cameFrom.locator("a", { hasText: "Atelier transparence" }).click();
        await page.locator("#workshop-participants-count").waitFor();
        expect(await page.evaluate(() => location.hash)).toBe(workshopHash);

        // The plan's workshops; the personal data page.
        await page.locator(".fr-breadcrumb a", { hasText: "Ateliers" }).click();
        await page.locator("#workshops tbody tr").first().waitFor();
        expect(await page.locator("#workshops tbody tr").allTextContents()).toEqual([
            expect.stringMatching(/^12\/03\/2026Atelier transparence de la vie publiqueHaute Autorité .*\(HATVP\)231 sur 3$/)
        ]);
        await expectAccessible(page, "a plan's workshops");
        await screenshots(page, "workshops-list");
        await page.locator("#footer-privacy").click();
        await page.locator("h1", { hasText: "Données personnelles" }).waitFor();
        const privacy = await page.locator("main").textContent();
        for (const said of ["prénom ou un pseudonyme", "jamais plus de deux ans", "jamais dans les exports publics", "CNIL"]) {
            expect(privacy).toContain(said);
        }
        await expectAccessible(page, "the personal data page");
        await screenshots(page, "privacy");
        expectNoProblems(session);
        await session.close();
    }, 180_000);

    test("in English, and in the dark theme, the room and the workshop page are accessible", async () => {
        const session = await openApp({ colorScheme: "dark" });
        const { page } = session;
        const b = laptop(session.laptop);
        await b.setLocale("en");
        const plan = await b.loadDemoPlan();
        const institution = (await b.listInstitutions()).find(i => i.acronym === "HATVP")!;
        const workshop = await b.createWorkshop(plan.id, institution.id, {
            title: "Open data workshop",
            heldOn: "2026-03-12",
            place: "",
            areaId: null,
            commitmentIds: [],
            facilitator: "Claire Martin",
            consentText: "Your contributions are recorded.",
            keepUntil: "2027-03-12"
        });
        await page.reload();
        await page.evaluate(id => (location.hash = `#/ateliers/${id}/salle`), workshop.id);
        await page.locator("#room-consent").waitFor();
        expect(await page.locator("label[for=room-consent]").textContent()).toBe("I have read and I accept");
        await expectAccessible(page, "the room in English, dark theme");
        await page.locator("#room-quit").click();
        await page.locator("#workshop-participants-count").waitFor();
        expect(await page.locator("#workshop-participants-count").textContent()).toBe("0 people took part in the workshop.");
        await expectAccessible(page, "a workshop's page in English, dark theme");
        expectNoProblems(session);
        await session.close();
    });
});

describe("with many commitments", () => {
    test("with the OGP sample imported and a plan of 300 commitments, the pickers filter and stay short", async () => {
        const session = await openApp();
        const { page } = session;
        const b = laptop(session.laptop);
        await script(session.laptop, { files: [OGP_SAMPLE] });
        await importEveryPlan(b);
        const hatvp = await b.createInstitution({ name: "Haute Autorité pour la transparence de la vie publique", acronym: "HATVP", kind: "independentAuthority" });
        const plan = await b.createPlan({ country: "France", title: "Plan d'action national 2025-2027", periodStart: "2025-01-01", periodEnd: "2027-12-31" });
        let target = "";
        for (let a = 1; a <= 6; a++) {
            const area = await b.createArea(plan.id, { kind: "thematic", title: `Axe numéro ${a}`, description: "" });
            for (let c = 1; c <= 50; c++) {
                const commitment = await b.createCommitment(area.id, `Engagement ${a}.${c} sur la transparence`);
                if (a === 4 && c === 37) {
                    target = commitment.id;
                    await b.createMilestone(commitment.id, { title: "Publier le registre", expectedOutputs: "", startDate: "", dueDate: "", leadInstitutionId: null });
                }
            }
        }
        await page.evaluate(id => (location.hash = `#/plans/${id}/ateliers`), plan.id);
        await page.locator("#workshop-new").click();
        const list = page.locator("#workshop-commitmentIds .po-targets__list li");
        await expect.poll(() => list.count()).toBe(50);
        expect(await page.locator("#workshop-commitmentIds").textContent()).toContain("250 de plus : précisez le filtre pour les voir.");
        await expectAccessible(page, "the preparation with 300 commitments");
        await screenshots(page, "workshop-prepare-many");
        await page.locator("#workshop-commitmentIds-filter").fill("4.37");
        await expect.poll(() => list.allTextContents()).toEqual(["4.37 — Engagement 4.37 sur la transparence"]);
        await list.first().locator("label").click();
        await page.locator("#workshop-commitmentIds-filter").fill("engagement 6.50");
        await expect.poll(() => list.allTextContents()).toEqual(["6.50 — Engagement 6.50 sur la transparence"]);
        // Among the sample's 1,300 institutions, a few letters find one.
        await pickInstitution(page, "workshop-institutionId", "haute autor", "Haute Autorité pour la transparence");
        await page.locator("#workshop-title").fill("Atelier national");
        await page.locator("#workshop-heldOn").fill("12/03/2026");
        await page.locator("#workshop-facilitator").fill("Claire Martin");
        await page.locator("#workshop-submit").click();
        await page.locator("#workshop-discussed").waitFor();
        expect(await page.locator("#workshop-discussed").textContent()).toBe("4.37 — Engagement 4.37 sur la transparence");
        const workshop = (await b.listWorkshops(plan.id))[0]!.workshop;
        expect(workshop.institutionId).toBe(hatvp.id);

        // The trace editor offers the plan's milestones too, by number.
        await b.addContribution(workshop.id, null, { kind: "proposal", text: "Ouvrir le registre.", aboutCommitmentId: null, aboutMilestoneId: null, proposalIds: [] });
        await page.reload();
        const id = (await b.getWorkshop(workshop.id)).contributions[0]!.contribution.id;
        await page.locator(`#trace-${id}-open`).click();
        await page.locator(`#trace-${id}-fed-filter`).fill("4.37");
        const fed = page.locator(`#trace-${id}-fed .po-targets__list li`);
        await expect.poll(() => fed.allTextContents()).toEqual(["4.37 — Engagement 4.37 sur la transparence", "4.37.1 — Publier le registre"]);
        await fed.nth(1).locator("label").click();
        await page.locator(`label[for="trace-${id}-outcome-merged"]`).click();
        await page.locator(`#trace-${id}-outcomeReason`).fill("Fusionnée avec le jalon du registre.");
        await page.locator(`#trace-${id}-save`).click();
        await expect.poll(() => page.locator(`#trace-${id}`).textContent()).toContain("4.37.1 — Publier le registre");
        const came = await b.listCommitmentContributions(target);
        expect(came.map(c => [c.contribution.text, c.milestoneTitle])).toEqual([["Ouvrir le registre.", "Publier le registre"]]);
        expectNoProblems(session);
        await session.close();
    }, 120_000);
});

describe("two institutions, through a real server", () => {
    let server: PlanServer;
    beforeAll(async () => {
        server = await startPlanServer();
    });
    afterAll(() => server.stop());

    const connect = (b: Backend, person: Person) => b.connectSync({ serverUrl: server.url, token: server.tokens[person] });

    test("the HATVP runs its workshop as its own; the DITP sees it counted, without the participants' names", async () => {
        const claire = laptop(await newLaptop());
        await connect(claire, "claire");
        const plan = await claire.createPlan({ country: "France", title: "Plan d'action national 2025-2027", periodStart: "2025-01-01", periodEnd: "2027-12-31" });
        const area = await claire.createArea(plan.id, { kind: "transversal", title: "Transparence", description: "" });
        await claire.createCommitment(area.id, "Publier les agendas");
        // The coordination names the institutions of the plan (the server's directory is apart).
        await claire.createInstitution({ name: "Haute Autorité pour la transparence de la vie publique", acronym: "HATVP", kind: "independentAuthority" });
        expect(await claire.syncNow()).toMatchObject({ pending: 0, rejections: 0 });

        // Hugo, of the HATVP, prepares the workshop on his laptop: his institution runs it.
        const hugoSession = await openApp();
        const hugo = laptop(hugoSession.laptop);
        await connect(hugo, "hugo");
        await hugo.syncNow();
        const page = hugoSession.page;
        await page.evaluate(id => (location.hash = `#/plans/${id}/ateliers`), plan.id);
        await page.locator("#workshop-new").click();
        await page.locator("#workshop-institutionId").waitFor();
        expect(await page.locator("#workshop-institutionId").textContent()).toBe(
            "Haute Autorité pour la transparence de la vie publique (HATVP) (votre institution)"
        );
        await page.locator("#workshop-title").fill("Atelier de la HATVP");
        await page.locator("#workshop-heldOn").fill("12/03/2026");
        await page.locator("#workshop-facilitator").fill("Hugo Petit");
        await page.locator("#workshop-submit").click();
        await page.locator("#workshop-participants-count").waitFor();
        const workshopId = (await page.evaluate(() => location.hash)).split("/").pop()!;
        const awa = await hugo.addParticipant(workshopId, { name: "Awa", organisationKind: "citizen", consentAccepted: true, contactAccepted: true, contactEmail: "awa@example.org" });
        await hugo.addContribution(workshopId, awa.participant.id, { kind: "proposal", text: PROPOSAL, aboutCommitmentId: null, aboutMilestoneId: null, proposalIds: [] });
        expect(await hugo.syncNow()).toMatchObject({ pending: 0, rejections: 0 });
        expect((await hugo.getWorkshop(workshopId)).participants[0]!.identity?.name).toBe("Awa");
        expectNoProblems(hugoSession);
        await hugoSession.close();

        // Camille, of the DITP, follows the plan: the workshop, counted, without who took part.
        const session = await openApp();
        const camille = laptop(session.laptop);
        await connect(camille, "camille");
        await camille.syncNow();
        const other = session.page;
        await other.evaluate(id => (location.hash = `#/ateliers/${id}`), workshopId);
        await other.locator("#workshop-names-hidden").waitFor();
        expect(await other.locator("#workshop-participants-count").textContent()).toBe("1 personne a pris part à l'atelier.");
        expect(await other.locator("#workshop-read-only").textContent()).toContain("Cet atelier est organisé par Haute Autorité pour la transparence de la vie publique");
        expect(await other.locator("#workshop-proposals").textContent()).toContain(PROPOSAL);
        expect(await other.locator("#workshop-proposals").textContent()).toContain("Participant : Citoyen ou citoyenne");
        const html = await other.content();
        expect(html).not.toContain("Awa");
        expect(html).not.toContain("awa@example.org");
        expect(await other.locator("#workshop-room, #workshop-edit, [id$='-open'], [id$='-delete']").count(), "nothing to change").toBe(0);
        await expectAccessible(other, "another institution's workshop");
        await screenshots(other, "workshop-other-institution");
        // Nor can the room be opened there by its address: nothing would be accepted.
        await other.evaluate(id => (location.hash = `#/ateliers/${id}/salle`), workshopId);
        await other.locator("[data-testid=read-only]").waitFor();
        expect(await other.locator("#room-consent").count()).toBe(0);
        expectNoProblems(session);
        await session.close();
    }, 60_000);
});
