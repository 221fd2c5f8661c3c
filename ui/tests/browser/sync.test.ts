/**
 * Sync with the central plan API, against the in-memory backend's simulation: connecting, the
 * status under the header, conflicts, refused changes, and screens read again when changes
 * arrive from the server. Tests put the simulation in a state through `window.planOuvertMock`.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { MockBackend } from "../../src/core/adapters/mock";
import type { ConflictSeed, RejectionSeed } from "../../src/core/adapters/mock/sync";
import type { CommitmentEdit } from "../../src/core/bindings";
import { expectAccessible, expectNoProblems, expectSaveStatus, openApp, SAVED, screenshots, startBrowser, stopBrowser, type Session } from "./harness";

beforeAll(startBrowser);
afterAll(stopBrowser);

type MockWindow = Window & { planOuvertMock: MockBackend };

const SERVER = "https://plan.exemple.gouv.fr";

const group = (page: Page, id: string) => page.locator(".fr-input-group, .fr-password", { has: page.locator(`#${id}`) });
const text = async (page: Page, selector: string) => ((await page.locator(selector).textContent()) ?? "").replace(/\s+/g, " ").trim();
/** The text as shown: what CSS hides is left out (the header's links have a shorter form for narrow windows). */
const shown = async (page: Page, selector: string) => (await page.locator(selector).innerText()).replace(/\s+/g, " ").trim();

/** Connects the simulated backend directly (the form has its own test) and waits for the header to say so. */
async function connect(page: Page) {
    await page.evaluate(server => (window as unknown as MockWindow).planOuvertMock.connectSync({ serverUrl: server, token: "po_test" }), SERVER);
    await page.locator("#sync-connection", { hasText: "En ligne" }).waitFor();
}

async function injectConflict(page: Page, seed: ConflictSeed): Promise<number> {
    return page.evaluate(s => (window as unknown as MockWindow).planOuvertMock.sync.injectConflict(s), seed);
}

async function injectRejection(page: Page, seed: RejectionSeed): Promise<number> {
    return page.evaluate(s => (window as unknown as MockWindow).planOuvertMock.sync.injectRejection(s), seed);
}

async function receiveEdit(page: Page, commitmentId: string, edit: CommitmentEdit) {
    await page.evaluate(([id, e]) => (window as unknown as MockWindow).planOuvertMock.sync.receiveCommitmentEdit(id, e), [commitmentId, edit] as const);
}

/** The demonstration plan, connected and everything sent; returns the id of its first commitment. */
async function connectedDemo(options: { colorScheme?: "light" | "dark"; viewport?: { width: number; height: number } } = {}): Promise<{ session: Session; commitmentId: string; commitmentTitle: string }> {
    const session = await openApp(options);
    const { page } = session;
    await page.locator("#load-demo").click();
    await page.locator("main h1", { hasText: "France — Plan d'action national 2021-2023" }).waitFor();
    await connect(page);
    const link = page.locator("li.po-commitment a").first();
    const commitmentId = decodeURIComponent((await link.getAttribute("href"))!.replace("#/commitments/", ""));
    const commitmentTitle = ((await link.textContent()) ?? "").trim();
    return { session, commitmentId, commitmentTitle };
}

describe("Synchronisation", () => {
    test("connecting: an empty or unknown token is refused under the field; a good one shows the account and where the token is kept", async () => {
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

        // A token the server does not know.
        await page.locator("#sync-server-url").fill(SERVER);
        await page.locator("#sync-token").fill("abc123");
        await page.locator("#sync-connect").click();
        await group(page, "sync-token")
            .getByText("Ce jeton n'est pas reconnu par le serveur (erreur de saisie ou jeton révoqué).")
            .waitFor();
        expect(await group(page, "sync-server-url").locator(".fr-error-text").count()).toBe(0);
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("sync-token");
        expect(await text(page, "#sync-connection")).toBe("Non configuré");

        // The right one.
        await page.locator("#sync-token").fill("po_3f9a2c");
        await page.locator("#sync-connect").click();
        await page.locator("#sync-account-name", { hasText: "Camille Martin" }).waitFor();
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("sync-account-title");
        expect(await text(page, "#sync-account-institution")).toBe("Direction interministérielle de la transformation publique");
        expect(await text(page, "#sync-account-role")).toBe("Rédaction des engagements");
        expect(await text(page, "#sync-account-server")).toBe(SERVER);
        expect(await text(page, "#sync-token-storage")).toBe(
            "Aucun trousseau n'est disponible sur ce poste : le jeton est conservé dans un fichier lisible par vous seul."
        );
        expect(await page.locator("#sync-token").count()).toBe(0);
        expect(await text(page, "#sync-connection")).toBe("En ligne");
        expect(await text(page, "#sync-pending")).toBe("Tout est envoyé");
        expect(await text(page, "#sync-last")).toMatch(/^Dernière synchronisation : \d{2}:\d{2}$/);
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

    test("the status under the header counts changes to send, and “Synchroniser maintenant” sends them", async () => {
        const { session, commitmentId } = await connectedDemo();
        const { page } = session;
        expect(await text(page, "#sync-pending")).toBe("Tout est envoyé");

        await page.goto(page.url().replace(/#.*$/, `#/commitments/${encodeURIComponent(commitmentId)}`));
        await page.locator("#commitment-problem").fill("Un problème reformulé.");
        await page.locator("#commitment-problem").blur();
        await expectSaveStatus(page, SAVED);
        await page.locator("#sync-pending", { hasText: "1 modification à envoyer" }).waitFor();
        await page.locator("#commitment-causes").fill("Des causes.");
        await page.locator("#commitment-causes").blur();
        await page.locator("#sync-pending", { hasText: "2 modifications à envoyer" }).waitFor();

        await page.locator("#sync-now").click();
        await page.locator("#sync-pending", { hasText: "Tout est envoyé" }).waitFor();
        await expect.poll(() => page.getByTestId("sync-announcement").textContent()).toBe("Synchronisation terminée : tout est envoyé.");
        expect(await text(page, "#sync-last")).toMatch(/^Dernière synchronisation : \d{2}:\d{2}$/);
        // The focus stayed on the button, for a keyboard user.
        expect(await page.evaluate(() => document.activeElement?.id)).toBe("sync-now");

        // Offline: the badge says so (not by colour alone), the changes wait, the attempt is announced.
        await page.locator("#commitment-causes").fill("Des causes précisées.");
        await page.locator("#commitment-causes").blur();
        await page.locator("#sync-pending", { hasText: "1 modification à envoyer" }).waitFor();
        await page.evaluate(() => (window as unknown as MockWindow).planOuvertMock.sync.setOffline(true));
        await page.locator("#sync-connection", { hasText: "Hors ligne" }).waitFor();
        expect(await page.locator("#sync-connection").getAttribute("class")).toContain("fr-badge--warning");
        await page.locator("#sync-now").focus();
        await page.keyboard.press("Enter");
        await expect.poll(() => page.getByTestId("sync-announcement").textContent()).toBe(
            "La synchronisation n'a pas abouti. Le serveur ne répond pas à cette adresse. Vérifiez l'adresse et votre connexion."
        );
        expect(await text(page, "#sync-pending")).toBe("1 modification à envoyer");
        await expectAccessible(page, "commitment while offline");
        await page.evaluate(() => window.scrollTo(0, 0));
        await screenshots(page, "57-sync-offline");

        // A revoked token: said, and leads to the settings.
        await page.evaluate(() => (window as unknown as MockWindow).planOuvertMock.sync.revokeToken());
        await page.locator("#sync-connection", { hasText: "Jeton refusé" }).waitFor();
        await expect.poll(() => page.getByTestId("sync-announcement").textContent()).toContain("Le serveur a refusé le jeton");
        expect(await page.locator("#sync-now").count()).toBe(0);
        await page.locator("#sync-token-link").click();
        await page.locator("main h1", { hasText: "Synchronisation" }).waitFor();
        await page.getByRole("heading", { name: "Le serveur a refusé le jeton" }).waitFor();
        await page.getByRole("heading", { name: "Saisir un nouveau jeton" }).waitFor();
        expect(await page.locator("#sync-server-url").inputValue()).toBe(SERVER);
        await page.locator("#sync-account-name", { hasText: "Camille Martin" }).waitFor();
        await expectAccessible(page, "sync settings (token refused)");
        await screenshots(page, "58-sync-token-refused");
        expectNoProblems(session);
        await session.close();
    });

    for (const colorScheme of ["light", "dark"] as const) {
        test(`the status line under the header, with things to deal with, in the ${colorScheme} theme`, async () => {
            const { session, commitmentId, commitmentTitle } = await connectedDemo({ colorScheme });
            const { page } = session;
            await injectConflict(page, { recordId: commitmentId, commitmentId, recordTitle: commitmentTitle, field: "problem", mine: "A", theirs: "B" });
            await injectConflict(page, { recordId: commitmentId, commitmentId, recordTitle: commitmentTitle, field: "causes", mine: "C", theirs: "D" });
            await injectRejection(page, { recordTitle: commitmentTitle, commitmentId, reason: "Refusé.", text: "X" });
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
            await page.locator("#sync-rejections").getByText("Refusé.").waitFor();
            await expectAccessible(page, `conflicts and refused changes (${colorScheme})`);
            await screenshots(page, `59-sync-inbox-${colorScheme}`);
            expectNoProblems(session);
            await session.close();
        });
    }

    test("a conflict is shown side by side; keeping their version removes it and makes one change to send", async () => {
        const { session, commitmentId, commitmentTitle } = await connectedDemo();
        const { page } = session;
        const mine = "Les données sont dispersées entre plusieurs services.\n\nAucune n'est publiée dans un format ouvert.";
        const theirs = "Les données de la rénovation sont dispersées.\n\nElles ne sont pas publiées.";
        const problem = await injectConflict(page, { recordId: commitmentId, commitmentId, recordTitle: commitmentTitle, field: "problem", mine, theirs });
        const due = await injectConflict(page, {
            recordKind: "milestone",
            recordId: "m1",
            commitmentId,
            recordTitle: "Publier le jeu de données",
            field: "dueDate",
            mine: "30/06/2022",
            theirs: ""
        });
        await page.locator("#sync-conflicts-link").click();
        await page.locator("main h1", { hasText: "Modifications à traiter" }).waitFor();
        const card = page.getByTestId(`conflict-${problem}`);
        await card.getByText("Champ : Problème à résoudre").waitFor();
        await page.getByTestId(`conflict-${due}`).getByText("Champ : Date d'échéance").waitFor();
        await page.getByTestId(`conflict-${due}`).getByText("Jalon", { exact: true }).waitFor();
        await page.getByTestId(`conflict-${due}-theirs-text`).getByText("(vide)").waitFor();
        expect(await card.getByRole("link", { name: commitmentTitle }).getAttribute("href")).toBe(`#/commitments/${encodeURIComponent(commitmentId)}`);

        // Side by side, paragraphs kept.
        const mineBlock = page.getByTestId(`conflict-${problem}-mine-text`);
        const theirsBlock = page.getByTestId(`conflict-${problem}-theirs-text`);
        expect(await mineBlock.evaluate(e => (e as HTMLElement).innerText)).toBe(mine);
        const [a, b] = [(await mineBlock.boundingBox())!, (await theirsBlock.boundingBox())!];
        expect(b.y).toBeCloseTo(a.y, 0);
        expect(b.x).toBeGreaterThan(a.x + a.width);
        expect(await page.locator(`#conflict-${problem}-text`).count()).toBe(0); // not editable
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
        await page.locator("#sync-pending", { hasText: "1 modification à envoyer" }).waitFor();
        expect(await shown(page, "#sync-conflicts-link")).toBe("1 conflit à résoudre");
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`conflict-${due}-title`);

        await page.locator(`#conflict-${due}-mine`).click();
        await page.locator("#sync-conflicts").getByText("Aucun conflit à résoudre.").waitFor();
        expect(await page.locator("#sync-conflicts-link").count()).toBe(0);
        expectNoProblems(session);
        await session.close();
    });

    test("a conflict on a long text is resolved with the merge proposal, edited; a refused text is said next to it", async () => {
        const { session, commitmentId, commitmentTitle } = await connectedDemo();
        const { page } = session;
        const proposed = "Premier paragraphe commun.\n\n[Ma version] Deuxième paragraphe, le mien.\n[Leur version] Deuxième paragraphe, le leur.";
        const problem = await injectConflict(page, {
            recordId: commitmentId,
            commitmentId,
            recordTitle: commitmentTitle,
            field: "problem",
            editable: true,
            mine: "Premier paragraphe commun.\n\nDeuxième paragraphe, le mien.",
            theirs: "Premier paragraphe commun.\n\nDeuxième paragraphe, le leur.",
            proposed
        });
        const title = await injectConflict(page, {
            recordId: commitmentId,
            commitmentId,
            recordTitle: commitmentTitle,
            field: "title",
            editable: true,
            mine: "Mon titre",
            theirs: "Leur titre"
        });
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

        const merged = "Premier paragraphe commun.\n\nDeuxième paragraphe, réunissant les deux.";
        await box.fill(merged);
        await page.locator(`#conflict-${problem}-save`).click();
        await page.getByTestId(`conflict-${problem}`).waitFor({ state: "detached" });
        await page.locator("#sync-pending", { hasText: "1 modification à envoyer" }).waitFor();
        // The title conflict, still open, kept what was typed in it.
        expect(await page.locator(`#conflict-${title}-text`).inputValue()).toBe("   ");

        // The chosen text is the commitment's now.
        await page.getByTestId(`conflict-${title}`).getByRole("link", { name: commitmentTitle }).click();
        await page.locator("#commitment-problem").waitFor();
        expect(await page.locator("#commitment-problem").inputValue()).toBe(merged);
        expectNoProblems(session);
        await session.close();
    });

    test("a refused change: its text is copied (or selected when the clipboard is out of reach), then dismissed after confirmation", async () => {
        const { session, commitmentId, commitmentTitle } = await connectedDemo();
        const { page } = session;
        await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(page.url()).origin });
        const created = await injectRejection(page, {
            recordTitle: "Associer les usagers aux décisions",
            action: "create",
            reason: "Votre rôle ne permet pas de créer un engagement dans cet axe.",
            text: "Titre : Associer les usagers aux décisions\nProblème à résoudre : Les usagers ne sont pas consultés."
        });
        const edited = await injectRejection(page, {
            recordTitle: commitmentTitle,
            commitmentId,
            recordId: commitmentId,
            action: "edit",
            field: "solution",
            reason: "Cet engagement a été validé : il ne peut plus être modifié.",
            text: "Une plateforme ouverte.\n\nAvec une API."
        });
        await injectConflict(page, { recordId: commitmentId, commitmentId, recordTitle: commitmentTitle, field: "causes", mine: "A", theirs: "B" });
        await page.locator("#sync-rejections-link", { hasText: "2 modifications refusées" }).click();
        await page.locator("main h1", { hasText: "Modifications à traiter" }).waitFor();
        // The link lands on the refused changes, below the conflicts.
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("sync-rejections-title");
        const heading = (await page.locator("#sync-rejections-title").boundingBox())!;
        expect(heading.y).toBeGreaterThanOrEqual(-1);
        expect(heading.y).toBeLessThan(800);

        const card = page.getByTestId(`rejection-${edited}`);
        await card.getByText("Modification de « Solution proposée »").waitFor();
        await card.getByText("Cet engagement a été validé : il ne peut plus être modifié.").waitFor();
        await page.getByTestId(`rejection-${created}`).getByText("Création", { exact: true }).waitFor();
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
        expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(
            "Titre : Associer les usagers aux décisions\nProblème à résoudre : Les usagers ne sont pas consultés."
        );

        // Dismissed after confirmation; cancelling keeps it.
        await page.locator(`#rejection-${edited}-discard`).click();
        const confirm = page.locator("#rejection-discard-modal");
        await confirm.getByText(`Écarter la modification refusée de « ${commitmentTitle} » ?`, { exact: false }).waitFor();
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
        const { session, commitmentId, commitmentTitle } = await connectedDemo();
        const { page } = session;

        // The overview reads again by itself.
        await receiveEdit(page, commitmentId, { field: "title", value: "Un titre venu du serveur" });
        await page.locator("li.po-commitment a", { hasText: "Un titre venu du serveur" }).waitFor();
        expect(await page.getByTestId("sync-refresh-notice").count()).toBe(0);

        // So does the commitment, when nobody is typing.
        await page.locator("li.po-commitment a", { hasText: "Un titre venu du serveur" }).click();
        await page.locator("#commitment-causes").waitFor();
        await receiveEdit(page, commitmentId, { field: "causes", value: "Des causes écrites par un collègue." });
        await expect.poll(() => page.locator("#commitment-causes").inputValue()).toBe("Des causes écrites par un collègue.");
        expect(await page.getByTestId("sync-refresh-notice").count()).toBe(0);

        // A field already saved in this visit shows the server's value too.
        await page.locator("#commitment-doneSoFar").fill("Ce qui a été fait.");
        await page.locator("#commitment-doneSoFar").blur();
        await expectSaveStatus(page, SAVED);
        await receiveEdit(page, commitmentId, { field: "doneSoFar", value: "Ce qui a été fait, complété par un collègue." });
        await expect.poll(() => page.locator("#commitment-doneSoFar").inputValue()).toBe("Ce qui a été fait, complété par un collègue.");

        // While typing: nothing moves; a notice offers the changes.
        const solutionBefore = await page.locator("#commitment-solution").inputValue();
        await page.locator("#commitment-problem").fill("Mon texte en cours de rédaction");
        await receiveEdit(page, commitmentId, { field: "solution", value: "Une solution proposée par un collègue." });
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
        const stored = await page.evaluate(id => (window as unknown as MockWindow).planOuvertMock.getCommitment(id), commitmentId);
        expect(stored.commitment.problem).toBe("Mon texte en cours de rédaction");
        expect(stored.commitment.title).toBe("Un titre venu du serveur");
        expect(commitmentTitle).not.toBe("Un titre venu du serveur");
        expectNoProblems(session);
        await session.close();
    });

    test("in English, the status and the conflicts speak English", async () => {
        const { session, commitmentId, commitmentTitle } = await connectedDemo();
        const { page } = session;
        await page.locator("#lang-en").click();
        await page.locator("#sync-connection", { hasText: "Online" }).waitFor();
        expect(await text(page, "#sync-pending")).toBe("Everything sent");
        expect(await text(page, "#sync-last")).toMatch(/^Last sync: \d{2}:\d{2}$/);
        await injectConflict(page, { recordId: commitmentId, commitmentId, recordTitle: commitmentTitle, field: "problem", mine: "A", theirs: "B" });
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
});
