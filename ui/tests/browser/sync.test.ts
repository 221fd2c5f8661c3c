/**
 * Sync with the central plan API, on the real core and a real `plan-ouvert-server`: connecting,
 * the status under the header, conflicts, refused changes, and screens read again when changes
 * arrive from the server.
 *
 * The page runs on Camille's laptop (a DITP drafter). Claire (the DITP coordinator) prepares a
 * plan on her own laptop and sends it; Dominique (another DITP drafter) works on a third laptop,
 * driven from the test. Each laptop reaches the server through its own relay, so that one can
 * be cut from the network while the others stay online. Conflicts and refusals are made for
 * real: changes made apart, then sent one after the other.
 */
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { Backend } from "../../src/core/backend";
import type { SyncStatus } from "../../src/core/bindings";
import { laptop, newLaptop, startPlanServer, type Network, type Person, type PlanServer } from "./core";
import { expectAccessible, expectNoProblems, expectSaveStatus, openApp, SAVED, screenshots, startBrowser, stopBrowser, type Session } from "./harness";

beforeAll(startBrowser);
afterAll(stopBrowser);

/** What a test started, stopped after it whatever happened. */
const started: { servers: PlanServer[]; laptops: Backend[] } = { servers: [], laptops: [] };

afterEach(async () => {
    // Connected laptops would keep asking a stopped server: forget their tokens first.
    await Promise.all(started.laptops.map(backend => backend.disconnectSync().catch(() => null)));
    await Promise.all(started.servers.map(server => server.stop()));
    started.servers = [];
    started.laptops = [];
});

async function planServer(): Promise<PlanServer> {
    const server = await startPlanServer();
    started.servers.push(server);
    return server;
}

const group = (page: Page, id: string) => page.locator(".fr-input-group, .fr-password", { has: page.locator(`#${id}`) });
const text = async (page: Page, selector: string) => ((await page.locator(selector).textContent()) ?? "").replace(/\s+/g, " ").trim();
/** The text as shown: what CSS hides is left out (the header's links have a shorter form for narrow windows). */
const shown = async (page: Page, selector: string) => (await page.locator(selector).innerText()).replace(/\s+/g, " ").trim();

/** One laptop: its id (a bridge session), its backend called from the test, its own way to the server. */
type Laptop = { id: string; backend: Backend; network: Network };

/** A new laptop of `person`, connected to the server through a relay of its own, and synced. */
async function laptopOf(server: PlanServer, person: Person): Promise<Laptop> {
    const id = await newLaptop();
    const backend = laptop(id);
    const network = await server.address();
    await backend.connectSync({ serverUrl: network.url, token: server.tokens[person] });
    started.laptops.push(backend);
    const status = await backend.syncNow();
    expect(status.connection).toBe("online");
    return { id, backend, network };
}

const PLAN_TITLE = "France — Plan d'action national 2024-2026";
const AREA_TITLE = "Transparence de l'action publique";
const COMMITMENT_TITLE = "Ouvrir les données de la commande publique";
const MILESTONE_TITLE = "Publier le jeu de données";
const BASE_PROBLEM = "Premier paragraphe commun.\n\nDeuxième paragraphe.";

type SharedPlan = { planId: string; areaId: string; commitmentId: string; milestoneId: string };

/** Claire, coordinator, writes a plan (an area, a commitment, a milestone) on her laptop and sends it. */
async function sharedPlan(server: PlanServer): Promise<SharedPlan> {
    const claire = (await laptopOf(server, "claire")).backend;
    const plan = await claire.createPlan({ country: "France", title: PLAN_TITLE, periodStart: "2024-01-01", periodEnd: "2026-12-31" });
    const area = await claire.createArea(plan.id, { kind: "transversal", title: AREA_TITLE, description: "Rendre compte de l'action publique." });
    const commitment = await claire.createCommitment(area.id, COMMITMENT_TITLE);
    await claire.editCommitment(commitment.id, { field: "problem", value: BASE_PROBLEM });
    await claire.editCommitment(commitment.id, { field: "causes", value: "Des causes à préciser." });
    const milestone = await claire.createMilestone(commitment.id, {
        title: MILESTONE_TITLE,
        expectedOutputs: "",
        startDate: "",
        dueDate: "2025-03-31",
        leadInstitutionId: null
    });
    const status = await claire.syncNow();
    expect({ pending: status.pending, conflicts: status.conflicts, rejections: status.rejections }).toEqual({ pending: 0, conflicts: 0, rejections: 0 });
    return { planId: plan.id, areaId: area.id, commitmentId: commitment.id, milestoneId: milestone.id };
}

type Scene = { session: Session; server: PlanServer; plan: SharedPlan; camille: Laptop; dominique: Laptop };

/**
 * A server with Claire's plan; Camille's laptop (the page, on the plan's overview) and
 * Dominique's (driven from the test) both received it.
 */
async function scene(options: { colorScheme?: "light" | "dark" } = {}): Promise<Scene> {
    const server = await planServer();
    const plan = await sharedPlan(server);
    const camille = await laptopOf(server, "camille");
    const dominique = await laptopOf(server, "dominique");
    const session = await openApp({ ...options, laptop: camille.id, path: `#/plans/${encodeURIComponent(plan.planId)}` });
    await session.page.locator("main h1", { hasText: PLAN_TITLE }).waitFor();
    await session.page.locator("#sync-connection", { hasText: "En ligne" }).waitFor();
    return { session, server, plan, camille, dominique };
}

/**
 * Changes made apart: `mine` on a laptop cut from the network, `theirs` on another laptop,
 * which sends them first; then the first laptop is back online and syncs. Returns its status.
 */
async function apart(me: Laptop, other: Laptop, mine: (backend: Backend) => Promise<unknown>, theirs: (backend: Backend) => Promise<unknown>): Promise<SyncStatus> {
    me.network.setOnline(false);
    await mine(me.backend);
    await theirs(other.backend);
    const sent = await other.backend.syncNow();
    expect(sent.pending).toBe(0);
    me.network.setOnline(true);
    return me.backend.syncNow();
}

/** The conflict of this laptop on `field` (of a record of `kind`), found by what the test knows of it. */
async function conflictOn(me: Laptop, kind: string, field: string): Promise<number> {
    const conflict = (await me.backend.listConflicts()).find(c => c.recordKind === kind && c.field === field);
    expect(conflict, `a conflict on ${kind}.${field}`).toBeDefined();
    return conflict!.id;
}

describe("Synchronisation", () => {
    test("connecting: a bad address, a server that does not answer and an unknown token are refused under their field; a real token shows the person's account and where the token is kept", async () => {
        const server = await planServer();
        const network = await server.address();
        const session = await openApp();
        const { page } = session;
        expect(await text(page, "#sync-connection")).toBe("Non configuré");
        expect(await page.locator("#sync-now").count()).toBe(0);
        await page.locator("#nav-sync").click();
        await page.locator("main h1", { hasText: "Synchronisation" }).waitFor();
        await page.getByText("Plan ouvert fonctionne sans connexion", { exact: false }).waitFor();
        expect(await page.locator("#sync-token").getAttribute("type")).toBe("password");
        await expectAccessible(page, "sync settings (not configured)");

        // A bad address and an empty token: both said, each under its field.
        await page.locator("#sync-server-url").fill("plan.exemple.gouv.fr");
        await page.locator("#sync-connect").click();
        await group(page, "sync-server-url").getByText("Saisissez une adresse commençant par http:// ou https://.").waitFor();
        await group(page, "sync-token").getByText("Saisissez le jeton reçu de votre administrateur.").waitFor();
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("sync-server-url");
        expect(await page.locator("#sync-token").getAttribute("aria-describedby")).toBeTruthy();
        await expectAccessible(page, "sync settings with errors");
        await screenshots(page, "50-sync-connect-errors");

        // An address where nothing answers (the network is cut).
        const down = await server.address();
        down.setOnline(false);
        await page.locator("#sync-server-url").fill(down.url);
        await page.locator("#sync-token").fill(server.tokens.camille);
        await page.locator("#sync-connect").click();
        await group(page, "sync-server-url").getByText("Le serveur ne répond pas à cette adresse. Vérifiez l'adresse et votre connexion.").waitFor();
        expect(await group(page, "sync-token").locator(".fr-error-text").count()).toBe(0);
        expect(await text(page, "#sync-connection")).toBe("Non configuré");

        // A token the server does not know.
        await page.locator("#sync-server-url").fill(network.url);
        await page.locator("#sync-token").fill("abc123");
        await page.locator("#sync-connect").click();
        await group(page, "sync-token")
            .getByText("Ce jeton n'est pas reconnu par le serveur (erreur de saisie ou jeton révoqué).")
            .waitFor();
        expect(await group(page, "sync-server-url").locator(".fr-error-text").count()).toBe(0);
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("sync-token");
        expect(await text(page, "#sync-connection")).toBe("Non configuré");

        // The right one: the account the server knows.
        await page.locator("#sync-token").fill(server.tokens.camille);
        await page.locator("#sync-connect").click();
        started.laptops.push(laptop(session.laptop));
        await page.locator("#sync-account-name", { hasText: "Camille Martin" }).waitFor();
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("sync-account-title");
        expect(await text(page, "#sync-account-institution")).toBe("Direction interministérielle de la transformation publique");
        expect(await text(page, "#sync-account-role")).toBe("Rédaction des engagements");
        expect(await text(page, "#sync-account-server")).toBe(network.url);
        expect(await text(page, "#sync-token-storage")).toBe(
            "Aucun trousseau n'est disponible sur ce poste : le jeton est conservé dans un fichier lisible par vous seul."
        );
        expect(await page.locator("#sync-token").count()).toBe(0);
        expect(await text(page, "#sync-connection")).toBe("En ligne");
        expect(await text(page, "#sync-pending")).toBe("Tout est envoyé");
        // The first exchange follows the connection by a moment.
        await expect.poll(() => text(page, "#sync-last")).toMatch(/^Dernière synchronisation : \d{2}:\d{2}$/);
        await expectAccessible(page, "sync settings (connected)");
        await screenshots(page, "51-sync-connected");

        // Signing out asks first, then forgets the token.
        await page.locator("#sync-disconnect").click();
        const confirm = page.locator("#sync-disconnect-modal");
        await confirm.getByText("Le jeton sera oublié sur ce poste.", { exact: false }).waitFor();
        await confirm.getByRole("button", { name: "Annuler" }).click();
        await confirm.waitFor({ state: "hidden" });
        expect(await text(page, "#sync-connection")).toBe("En ligne");
        await page.locator("#sync-disconnect").click();
        await confirm.getByTestId("confirm").click();
        await page.locator("#sync-connection", { hasText: "Non configuré" }).waitFor();
        await page.locator("#sync-token").waitFor();
        expect(await page.locator("#sync-account-name").count()).toBe(0);
        expectNoProblems(session);
        await session.close();
    });

    test("the status under the header counts changes to send while the network is cut, and “Synchroniser maintenant” sends them once it is back; a revoked token is said", async () => {
        const { session, server, plan, camille } = await scene();
        const { page } = session;
        expect(await text(page, "#sync-pending")).toBe("Tout est envoyé");
        await page.goto(page.url().replace(/#.*$/, `#/commitments/${encodeURIComponent(plan.commitmentId)}`));
        await page.locator("#commitment-problem").waitFor();

        // Offline: the changes wait, counted; the badge says so (not by colour alone).
        camille.network.setOnline(false);
        await page.locator("#commitment-problem").fill("Un problème reformulé.");
        await page.locator("#commitment-problem").blur();
        await expectSaveStatus(page, SAVED);
        await page.locator("#sync-pending", { hasText: "1 modification à envoyer" }).waitFor();
        await page.locator("#commitment-causes").fill("Des causes.");
        await page.locator("#commitment-causes").blur();
        await page.locator("#sync-pending", { hasText: "2 modifications à envoyer" }).waitFor();
        await page.locator("#sync-connection", { hasText: "Hors ligne" }).waitFor();
        expect(await page.locator("#sync-connection").getAttribute("class")).toContain("fr-badge--warning");
        // Asking anyway: the attempt is announced.
        await page.locator("#sync-now[aria-disabled=false]").focus();
        await page.keyboard.press("Enter");
        await expect.poll(() => page.getByTestId("sync-announcement").textContent()).toBe(
            "La synchronisation n'a pas abouti. Le serveur ne répond pas à cette adresse. Vérifiez l'adresse et votre connexion."
        );
        expect(await text(page, "#sync-pending")).toBe("2 modifications à envoyer");
        await expectAccessible(page, "commitment while offline");
        await page.evaluate(() => window.scrollTo(0, 0));
        await screenshots(page, "57-sync-offline");

        // The network is back: “Synchroniser maintenant” sends them.
        camille.network.setOnline(true);
        await page.locator("#sync-now").click();
        await page.locator("#sync-pending", { hasText: "Tout est envoyé" }).waitFor();
        await expect.poll(() => page.getByTestId("sync-announcement").textContent()).toBe("Synchronisation terminée : tout est envoyé.");
        await page.locator("#sync-connection", { hasText: "En ligne" }).waitFor();
        expect(await text(page, "#sync-last")).toMatch(/^Dernière synchronisation : \d{2}:\d{2}$/);
        // The focus stayed on the button, for a keyboard user.
        expect(await page.evaluate(() => document.activeElement?.id)).toBe("sync-now");
        // They are on the server: a colleague's new laptop receives them.
        const received = await (await laptopOf(server, "dominique")).backend.getCommitment(plan.commitmentId);
        expect([received.commitment.problem, received.commitment.causes]).toEqual(["Un problème reformulé.", "Des causes."]);

        // A revoked token: said at the next exchange, and leads to the settings.
        await server.revoke("camille");
        await camille.backend.syncNow();
        await page.locator("#sync-connection", { hasText: "Jeton refusé" }).waitFor();
        await expect.poll(() => page.getByTestId("sync-announcement").textContent()).toContain("Le serveur a refusé le jeton");
        expect(await page.locator("#sync-now").count()).toBe(0);
        await page.locator("#sync-token-link").click();
        await page.locator("main h1", { hasText: "Synchronisation" }).waitFor();
        await page.getByRole("heading", { name: "Le serveur a refusé le jeton" }).waitFor();
        await page.getByRole("heading", { name: "Saisir un nouveau jeton" }).waitFor();
        expect(await page.locator("#sync-server-url").inputValue()).toBe(camille.network.url);
        await page.locator("#sync-account-name", { hasText: "Camille Martin" }).waitFor();
        await expectAccessible(page, "sync settings (token refused)");
        await screenshots(page, "58-sync-token-refused");
        expectNoProblems(session);
        await session.close();
    });

    for (const colorScheme of ["light", "dark"] as const) {
        test(`the status line under the header, with things to deal with, in the ${colorScheme} theme`, async () => {
            const { session, plan, camille, dominique } = await scene({ colorScheme });
            const { page } = session;
            // Camille and Dominique rewrite the same two texts apart; Camille also adds an area,
            // which only a coordinator may do.
            const status = await apart(
                camille,
                dominique,
                async mine => {
                    await mine.editCommitment(plan.commitmentId, { field: "problem", value: "A" });
                    await mine.editCommitment(plan.commitmentId, { field: "causes", value: "C" });
                    await mine.createArea(plan.planId, { kind: "thematic", title: "Associer les usagers aux décisions", description: "" });
                },
                async theirs => {
                    await theirs.editCommitment(plan.commitmentId, { field: "problem", value: "B" });
                    await theirs.editCommitment(plan.commitmentId, { field: "causes", value: "D" });
                }
            );
            expect({ conflicts: status.conflicts, rejections: status.rejections }).toEqual({ conflicts: 2, rejections: 1 });
            await page.locator("#sync-conflicts-link", { hasText: "2 conflits à résoudre" }).waitFor();
            expect(await shown(page, "#sync-rejections-link")).toBe("1 modification refusée");
            // New conflicts are announced, once.
            await expect.poll(() => page.getByTestId("sync-announcement").textContent()).toBe("2 conflits à résoudre.");
            await screenshots(page, `52-sync-status-${colorScheme}`);
            // One line at both window sizes the app supports, inside the page's width.
            for (const [width, height] of [
                [1280, 800],
                [1024, 768]
            ] as const) {
                await page.setViewportSize({ width, height });
                const bar = (await page.locator("#sync-status").boundingBox())!;
                expect(bar.height, `status line at ${width}×${height}`).toBeLessThanOrEqual(48);
                const button = (await page.locator("#sync-now").boundingBox())!;
                expect(button.x + button.width).toBeLessThanOrEqual(width);
                expect(await shown(page, "#sync-conflicts-link")).toBe(width < 1200 ? "2 conflits" : "2 conflits à résoudre");
            }
            await page.setViewportSize({ width: 1280, height: 800 });
            await expectAccessible(page, `overview with sync status (${colorScheme})`);
            // The screen they lead to, in the same theme.
            await page.locator("#sync-conflicts-link").click();
            await page.locator("main h1", { hasText: "Modifications à traiter" }).waitFor();
            await page.locator("#sync-rejections").getByText("Votre institution ou votre rôle ne vous permet pas de modifier cet élément.").waitFor();
            await expectAccessible(page, `conflicts and refused changes (${colorScheme})`);
            await screenshots(page, `59-sync-inbox-${colorScheme}`);
            expectNoProblems(session);
            await session.close();
        });
    }

    test("a conflict is shown side by side; keeping their version removes it and sends nothing, keeping mine reaches the other laptop", async () => {
        const { session, plan, camille, dominique } = await scene();
        const { page } = session;
        const mine = "Les données sont dispersées entre plusieurs services.\n\nAucune n'est publiée dans un format ouvert.";
        const theirs = "Les données de la rénovation sont dispersées.\n\nElles ne sont pas publiées.";
        await apart(
            camille,
            dominique,
            async backend => {
                await backend.editCommitment(plan.commitmentId, { field: "problem", value: mine });
                await backend.editMilestone(plan.milestoneId, { field: "dueDate", value: "2025-06-30" });
            },
            async backend => {
                await backend.editCommitment(plan.commitmentId, { field: "problem", value: theirs });
                await backend.editMilestone(plan.milestoneId, { field: "dueDate", value: "" });
            }
        );
        const problem = await conflictOn(camille, "commitment", "problem");
        const due = await conflictOn(camille, "milestone", "dueDate");
        await page.locator("#sync-conflicts-link").click();
        await page.locator("main h1", { hasText: "Modifications à traiter" }).waitFor();
        const card = page.getByTestId(`conflict-${problem}`);
        await card.getByText("Champ : Problème à résoudre").waitFor();
        await page.getByTestId(`conflict-${due}`).getByText("Champ : Date d'échéance").waitFor();
        await page.getByTestId(`conflict-${due}`).getByText("Jalon", { exact: true }).waitFor();
        await page.getByTestId(`conflict-${due}-theirs-text`).getByText("(vide)").waitFor();
        expect(await card.getByRole("link", { name: COMMITMENT_TITLE }).getAttribute("href")).toBe(`#/commitments/${encodeURIComponent(plan.commitmentId)}`);

        // Side by side, paragraphs kept.
        const mineBlock = page.getByTestId(`conflict-${problem}-mine-text`);
        const theirsBlock = page.getByTestId(`conflict-${problem}-theirs-text`);
        expect(await mineBlock.evaluate(e => (e as HTMLElement).innerText)).toBe(mine);
        expect(await theirsBlock.evaluate(e => (e as HTMLElement).innerText)).toBe(theirs);
        const [a, b] = [(await mineBlock.boundingBox())!, (await theirsBlock.boundingBox())!];
        expect(b.y).toBeCloseTo(a.y, 0);
        expect(b.x).toBeGreaterThan(a.x + a.width);
        // A commitment's text may also be rewritten; a date may not: keep one side.
        expect(await page.locator(`#conflict-${problem}-text`).count()).toBe(1);
        expect(await page.locator(`#conflict-${due}-text`).count()).toBe(0);
        await expectAccessible(page, "conflicts");
        await screenshots(page, "53-sync-conflicts");

        // On a narrow window, one above the other.
        await page.setViewportSize({ width: 600, height: 800 });
        const [c, d] = [(await mineBlock.boundingBox())!, (await theirsBlock.boundingBox())!];
        expect(d.y).toBeGreaterThan(c.y + c.height);
        await page.setViewportSize({ width: 1280, height: 800 });

        expect(await text(page, "#sync-pending")).toBe("Tout est envoyé");
        await page.locator(`#conflict-${problem}-theirs`).click();
        await card.waitFor({ state: "detached" });
        await page.getByText("Conflit résolu (Problème à résoudre", { exact: false }).waitFor();
        // Their version is the server's already: nothing to send.
        expect((await camille.backend.getSyncStatus()).pending).toBe(0);
        expect(await text(page, "#sync-pending")).toBe("Tout est envoyé");
        expect(await shown(page, "#sync-conflicts-link")).toBe("1 conflit à résoudre");
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`conflict-${due}-title`);

        await page.locator(`#conflict-${due}-mine`).click();
        await page.locator("#sync-conflicts").getByText("Aucun conflit à résoudre.").waitFor();
        expect(await page.locator("#sync-conflicts-link").count()).toBe(0);

        // The choice is sent, and reaches Dominique's laptop.
        expect((await camille.backend.syncNow()).pending).toBe(0);
        await page.locator("#sync-pending", { hasText: "Tout est envoyé" }).waitFor();
        await dominique.backend.syncNow();
        const there = await dominique.backend.getCommitment(plan.commitmentId);
        expect(there.commitment.problem).toBe(theirs);
        expect(there.milestones.find(m => m.id === plan.milestoneId)?.dueDate).toBe("2025-06-30");
        expect((await dominique.backend.getSyncStatus()).conflicts).toBe(0);
        expectNoProblems(session);
        await session.close();
    });

    test("a conflict on a long text is resolved with the merge proposal, edited; a refused text is said next to it", async () => {
        const { session, plan, camille, dominique } = await scene();
        const { page } = session;
        await apart(
            camille,
            dominique,
            async backend => {
                await backend.editCommitment(plan.commitmentId, { field: "problem", value: "Premier paragraphe commun.\n\nDeuxième paragraphe, le mien." });
                await backend.editCommitment(plan.commitmentId, { field: "title", value: "Mon titre" });
            },
            async backend => {
                await backend.editCommitment(plan.commitmentId, { field: "problem", value: "Premier paragraphe commun.\n\nDeuxième paragraphe, le leur." });
                await backend.editCommitment(plan.commitmentId, { field: "title", value: "Leur titre" });
            }
        );
        const problem = await conflictOn(camille, "commitment", "problem");
        const title = await conflictOn(camille, "commitment", "title");
        // The server's merge keeps the common paragraph once, then both versions of the other, mine first.
        const proposed = "Premier paragraphe commun.\n\nDeuxième paragraphe, le mien.\n\nDeuxième paragraphe, le leur.";
        await page.locator("#sync-conflicts-link").click();
        const box = page.locator(`#conflict-${problem}-text`);
        await box.waitFor();
        expect(await box.inputValue()).toBe(proposed);
        expect(await group(page, `conflict-${problem}-text`).locator("label").textContent()).toMatch(/^Proposition de fusion/);
        // Without a proposal, the text starts from my version.
        expect(await page.locator(`#conflict-${title}-text`).inputValue()).toBe("Mon titre");

        // A title cannot be empty: the backend's sentence, next to the text, which stays.
        await page.locator(`#conflict-${title}-text`).fill("   ");
        await page.locator(`#conflict-${title}-save`).click();
        await group(page, `conflict-${title}-text`).getByText("Ce champ est obligatoire.").waitFor();
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`conflict-${title}-text`);
        expect(await page.getByTestId(`conflict-${title}`).count()).toBe(1);
        await expectAccessible(page, "conflict with a refused text");
        await page.getByTestId(`conflict-${problem}`).scrollIntoViewIfNeeded();
        await screenshots(page, "54-sync-conflict-merge");

        // Cut from the network, the chosen text waits to be sent.
        camille.network.setOnline(false);
        const merged = "Premier paragraphe commun.\n\nDeuxième paragraphe, réunissant les deux.";
        await box.fill(merged);
        await page.locator(`#conflict-${problem}-save`).click();
        await page.getByTestId(`conflict-${problem}`).waitFor({ state: "detached" });
        await page.locator("#sync-pending", { hasText: "1 modification à envoyer" }).waitFor();
        // The title conflict, still open, kept what was typed in it.
        expect(await page.locator(`#conflict-${title}-text`).inputValue()).toBe("   ");

        // The chosen text is the commitment's now (whose title is the server's, until chosen).
        await page.getByTestId(`conflict-${title}`).getByRole("link", { name: "Leur titre" }).click();
        await page.locator("#commitment-problem").waitFor();
        expect(await page.locator("#commitment-problem").inputValue()).toBe(merged);

        // Back online, it reaches Dominique's laptop.
        camille.network.setOnline(true);
        expect((await camille.backend.syncNow()).pending).toBe(0);
        await dominique.backend.syncNow();
        expect((await dominique.backend.getCommitment(plan.commitmentId)).commitment.problem).toBe(merged);
        expectNoProblems(session);
        await session.close();
    });

    test("a refused change: its text is copied (or selected when the clipboard is out of reach), then dismissed after confirmation", async () => {
        const { session, plan, camille, dominique } = await scene();
        const { page } = session;
        await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(page.url()).origin });
        // Camille, a drafter, adds an area and rewrites one: only a coordinator may. And she and
        // Dominique rewrite the same causes apart.
        await apart(
            camille,
            dominique,
            async backend => {
                await backend.createArea(plan.planId, {
                    kind: "thematic",
                    title: "Associer les usagers aux décisions",
                    description: "Les usagers ne sont pas consultés."
                });
                await backend.updateArea(plan.areaId, { kind: "transversal", title: AREA_TITLE, description: "Une plateforme ouverte.\n\nAvec une API." });
                await backend.editCommitment(plan.commitmentId, { field: "causes", value: "A" });
            },
            async backend => {
                await backend.editCommitment(plan.commitmentId, { field: "causes", value: "B" });
            }
        );
        const rejections = await camille.backend.listRejections();
        const created = rejections.find(r => r.action === "create")!.id;
        const edited = rejections.find(r => r.action === "edit")!.id;
        await page.locator("#sync-rejections-link", { hasText: "2 modifications refusées" }).click();
        await page.locator("main h1", { hasText: "Modifications à traiter" }).waitFor();
        // The link lands on the refused changes, below the conflicts.
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("sync-rejections-title");
        const heading = (await page.locator("#sync-rejections-title").boundingBox())!;
        expect(heading.y).toBeGreaterThanOrEqual(-1);
        expect(heading.y).toBeLessThan(800);

        const card = page.getByTestId(`rejection-${edited}`);
        await card.getByText("Modification de « Description »").waitFor();
        await card.getByText("Votre institution ou votre rôle ne vous permet pas de modifier cet élément.").waitFor();
        await page.getByTestId(`rejection-${created}`).getByText("Création", { exact: true }).waitFor();
        await page.getByTestId(`rejection-${created}`).getByText("Associer les usagers aux décisions", { exact: true }).waitFor();
        await expectAccessible(page, "refused changes");
        await screenshots(page, "55-sync-rejections");

        await page.locator(`#rejection-${edited}-copy`).click();
        await page.getByTestId(`rejection-${edited}-copy-status`).getByText("Texte copié.").waitFor();
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("Une plateforme ouverte.\n\nAvec une API.");

        // No clipboard: the text is selected, ready for Ctrl+C.
        await page.evaluate(() => {
            Object.defineProperty(navigator.clipboard, "writeText", { value: () => Promise.reject(new Error("denied")) });
        });
        await page.locator(`#rejection-${created}-copy`).click();
        await expect.poll(() => page.getByTestId(`rejection-${created}-copy-status`).textContent()).toMatch(/Texte copié\.|copiez-le avec Ctrl\+C/);
        expect(await page.evaluate(() => window.getSelection()?.toString())).toBe("Associer les usagers aux décisions\n\nLes usagers ne sont pas consultés.");

        // Dismissed after confirmation; cancelling keeps it.
        await page.locator(`#rejection-${edited}-discard`).click();
        const confirm = page.locator("#rejection-discard-modal");
        await confirm.getByText(`Écarter la modification refusée de « ${AREA_TITLE} » ?`, { exact: false }).waitFor();
        await confirm.getByRole("button", { name: "Annuler" }).click();
        await confirm.waitFor({ state: "hidden" });
        expect(await card.count()).toBe(1);
        await page.locator(`#rejection-${edited}-discard`).click();
        await confirm.getByTestId("confirm").click();
        await card.waitFor({ state: "detached" });
        await page.locator("#sync-rejections-link", { hasText: "1 modification refusée" }).waitFor();
        await page.locator(`#rejection-${created}-discard`).click();
        await confirm.getByTestId("confirm").click();
        await page.locator("#sync-rejections").getByText("Aucune modification refusée.").waitFor();
        expect(await page.locator("#sync-rejections-link").count()).toBe(0);
        expectNoProblems(session);
        await session.close();
    });

    test("changes from the server show by themselves, unless a field is being typed in: then a notice offers them, and nothing typed is lost", async () => {
        const { session, plan, camille, dominique } = await scene();
        const { page } = session;
        /** Dominique changes the commitment and sends it; then Camille's laptop syncs. */
        async function fromDominique(edit: Parameters<Backend["editCommitment"]>[1]) {
            await dominique.backend.syncNow();
            await dominique.backend.editCommitment(plan.commitmentId, edit);
            expect((await dominique.backend.syncNow()).pending).toBe(0);
            await camille.backend.syncNow();
        }

        // The overview reads again by itself.
        await page.locator("li.po-commitment a", { hasText: COMMITMENT_TITLE }).waitFor();
        await fromDominique({ field: "title", value: "Un titre venu du serveur" });
        await page.locator("li.po-commitment a", { hasText: "Un titre venu du serveur" }).waitFor();
        expect(await page.getByTestId("sync-refresh-notice").count()).toBe(0);

        // So does the commitment, when nobody is typing.
        await page.locator("li.po-commitment a", { hasText: "Un titre venu du serveur" }).click();
        await page.locator("#commitment-causes").waitFor();
        await fromDominique({ field: "causes", value: "Des causes écrites par un collègue." });
        await expect.poll(() => page.locator("#commitment-causes").inputValue()).toBe("Des causes écrites par un collègue.");
        expect(await page.getByTestId("sync-refresh-notice").count()).toBe(0);

        // A field already saved in this visit shows the server's value too.
        await page.locator("#commitment-doneSoFar").fill("Ce qui a été fait.");
        await page.locator("#commitment-doneSoFar").blur();
        await expectSaveStatus(page, SAVED);
        expect((await camille.backend.syncNow()).pending).toBe(0);
        await fromDominique({ field: "doneSoFar", value: "Ce qui a été fait, complété par un collègue." });
        await expect.poll(() => page.locator("#commitment-doneSoFar").inputValue()).toBe("Ce qui a été fait, complété par un collègue.");

        // While typing: nothing moves; a notice offers the changes.
        const solutionBefore = await page.locator("#commitment-solution").inputValue();
        await page.locator("#commitment-problem").fill("Mon texte en cours de rédaction");
        await fromDominique({ field: "solution", value: "Une solution proposée par un collègue." });
        await page.getByTestId("sync-refresh-notice").getByText("Des modifications reçues du serveur sont disponibles.").waitFor();
        await page.waitForTimeout(300);
        expect(await page.locator("#commitment-solution").inputValue()).toBe(solutionBefore);
        expect(await page.locator("#commitment-problem").inputValue()).toBe("Mon texte en cours de rédaction");
        expect(await page.evaluate(() => document.activeElement?.id)).toBe("commitment-problem");
        await expectAccessible(page, "commitment with changes from the server waiting");
        await page.evaluate(() => window.scrollTo(0, 0));
        await screenshots(page, "56-sync-refresh-notice");

        await page.locator("#sync-refresh").click();
        await expect.poll(() => page.locator("#commitment-solution").inputValue()).toBe("Une solution proposée par un collègue.");
        await page.getByText("Les modifications reçues du serveur sont affichées.").waitFor({ state: "attached" });
        await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
        expect(await page.locator("#commitment-problem").inputValue()).toBe("Mon texte en cours de rédaction");
        await page.getByTestId("sync-refresh-notice").waitFor({ state: "detached" });
        await expectSaveStatus(page, SAVED);
        // What was typed was saved, not replaced.
        const stored = await camille.backend.getCommitment(plan.commitmentId);
        expect(stored.commitment.problem).toBe("Mon texte en cours de rédaction");
        expect(stored.commitment.title).toBe("Un titre venu du serveur");
        expect(stored.commitment.solution).toBe("Une solution proposée par un collègue.");
        expectNoProblems(session);
        await session.close();
    });

    test("what a person's role cannot change is not offered, and the screen says why before anyone types", async () => {
        const server = await planServer();
        const plan = await sharedPlan(server);
        // Camille drafts for the DITP: she writes its commitments, not the plan's structure.
        const camille = await laptopOf(server, "camille");
        const session = await openApp({ laptop: camille.id, path: `#/plans/${encodeURIComponent(plan.planId)}` });
        const { page } = session;
        await page.locator("main h1", { hasText: PLAN_TITLE }).waitFor();
        expect(await text(page, "[data-testid=read-only]")).toContain("Seule la coordination du plan peut modifier le plan et ses axes");
        for (const absent of ["#plan-edit", "#area-add", `[aria-label="Modifier l'axe ${AREA_TITLE}"]`]) {
            expect(await page.locator(absent).count(), absent).toBe(0);
        }
        expect(await page.locator(`[data-testid="add-commitment-${plan.areaId}"]`).count()).toBe(1);
        // Nor plans, nor the list of institutions: shown, not offered to change.
        for (const [path, absent] of [
            ["#/", "#plan-submit"],
            ["#/institutions", "#institution-submit"]
        ] as const) {
            await page.goto(page.url().replace(/#.*/, path));
            await page.locator("[data-testid=read-only]", { hasText: "Seule la coordination du plan" }).waitFor();
            expect(await page.locator(absent).count(), absent).toBe(0);
        }
        expect(await page.locator("[data-testid^=institution-edit-]").count()).toBe(0);
        await page.goto(page.url().replace(/#.*/, `#/commitments/${encodeURIComponent(plan.commitmentId)}`));
        await page.locator("main h1", { hasText: COMMITMENT_TITLE }).waitFor();
        expect(await page.locator("[data-testid=read-only]").count()).toBe(0);
        expect(await page.locator("#commitment-title").isEnabled()).toBe(true);
        await session.close();

        // Rémi reads for the DITP: everything is shown, nothing is offered to change, and it says so.
        const remi = await laptopOf(server, "remi");
        const reading = await openApp({ laptop: remi.id, path: `#/commitments/${encodeURIComponent(plan.commitmentId)}` });
        const shownPage = reading.page;
        await shownPage.locator("main h1", { hasText: COMMITMENT_TITLE }).waitFor();
        expect(await text(shownPage, "[data-testid=read-only]")).toContain("Votre rôle de lecteur permet de consulter le plan, pas de le modifier.");
        expect(await shownPage.locator("#commitment-title").isDisabled()).toBe(true);
        // The institution pickers too: no list to open, nothing to remove.
        for (const picker of ["#commitment-leadInstitutionId", "#commitment-supportingInstitutionIds", "#milestone-new-leadInstitutionId"]) {
            expect(await shownPage.locator(picker).isDisabled(), picker).toBe(true);
        }
        expect(await shownPage.locator("#commitment-problem").inputValue()).toBe(BASE_PROBLEM);
        expect(await shownPage.locator("#commitment-delete").count()).toBe(0);
        await expectAccessible(shownPage, "a commitment, read only");
        await shownPage.goto(shownPage.url().replace(/#.*/, `#/plans/${encodeURIComponent(plan.planId)}`));
        await shownPage.locator("main h1", { hasText: PLAN_TITLE }).waitFor();
        expect(await shownPage.locator(`[data-testid="add-commitment-${plan.areaId}"]`).count()).toBe(0);
        expect(await text(shownPage, "[data-testid=read-only]")).toContain("Votre rôle de lecteur");
        await reading.close();
    });

    test("beside “saved”, a commitment says whether its changes are sent to the server yet", async () => {
        const { session, plan, camille } = await scene();
        const { page } = session;
        await page.goto(page.url().replace(/#.*/, `#/commitments/${encodeURIComponent(plan.commitmentId)}`));
        await page.locator("main h1", { hasText: COMMITMENT_TITLE }).waitFor();
        await page.locator("[data-testid=record-sync]", { hasText: "Envoyé au serveur" }).waitFor();
        // Offline, a change is saved on this computer, not sent.
        camille.network.setOnline(false);
        await page.locator("#commitment-causes").fill("Des causes écrites dans le train.");
        await page.locator("[data-testid=save-status]", { hasText: "Enregistré à" }).waitFor();
        await page.locator("[data-testid=record-sync]", { hasText: "Pas encore envoyé au serveur" }).waitFor();
        await screenshots(page, "58-commitment-not-sent");
        // Back online, once synchronised, it is sent.
        camille.network.setOnline(true);
        await page.locator("#sync-now").click();
        await page.locator("[data-testid=record-sync]", { hasText: "Envoyé au serveur" }).waitFor();
        await session.close();
    });

    test("in English, the status and the conflicts speak English", async () => {
        const { session, plan, camille, dominique } = await scene();
        const { page } = session;
        await page.locator("#lang-en").click();
        await page.locator("#sync-connection", { hasText: "Online" }).waitFor();
        expect(await text(page, "#sync-pending")).toBe("Everything sent");
        expect(await text(page, "#sync-last")).toMatch(/^Last sync: \d{2}:\d{2}$/);
        await apart(
            camille,
            dominique,
            backend => backend.editCommitment(plan.commitmentId, { field: "problem", value: "A" }),
            backend => backend.editCommitment(plan.commitmentId, { field: "problem", value: "B" })
        );
        await page.locator("#sync-conflicts-link", { hasText: "1 conflict to resolve" }).click();
        await page.getByText("Field: Problem to solve").waitFor();
        await page.getByRole("button", { name: /^Keep their version/ }).waitFor();
        await page.locator("#nav-sync").click();
        await page.locator("#sync-token-storage", { hasText: "No keyring is available on this computer" }).waitFor();
        await page.locator("#lang-fr").click();
        await page.locator("#sync-connection", { hasText: "En ligne" }).waitFor();
        expectNoProblems(session);
        await session.close();
    });

    test("desktop notifications are on by default and switched off in the settings, for good", async () => {
        const session = await openApp();
        const { page } = session;
        await page.locator("#nav-sync").click();
        const toggle = page.locator("#notifications-enabled-input");
        await toggle.waitFor({ state: "attached" });
        expect(await toggle.isChecked()).toBe(true);
        expect(await text(page, "#notifications-enabled")).toContain("Me prévenir des jalons en retard ou à échéance");
        await expectAccessible(page, "sync settings with the notifications switch");
        await screenshots(page, "sync-notifications");
        await page.locator("label[for='notifications-enabled-input']").click();
        await expect.poll(() => toggle.isChecked()).toBe(false);
        expect(await laptop(session.laptop).getNotificationsEnabled()).toBe(false);
        // The app started again: still off.
        await page.reload();
        await page.locator("main h1", { hasText: "Synchronisation" }).waitFor();
        await toggle.waitFor({ state: "attached" });
        expect(await toggle.isChecked()).toBe(false);
        expectNoProblems(session);
        await session.close();
    });
});
