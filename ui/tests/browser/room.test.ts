/**
 * A workshop room through its pages, between two laptops (two bridge sessions, each its own
 * store) over loopback: the room opened on the HATVP's laptop shows its address and code in large
 * type; the other laptop, which does not have the workshop, joins from the workshop's address —
 * a wrong code refused next to the field in the core's words, then the right one brings the
 * workshop; a contribution captured on the joining laptop appears on the room's workshop page by
 * itself after an exchange; the room's page counts the computers that exchanged lately, each
 * once however often, and says when the last did, as exchanges come; « Mode atelier » on the
 * joiner shows the link's status; the room closed, the joiner's status says the room does not
 * answer and its workshop stays.
 */
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { laptop, newLaptop } from "./core";
import { browserAndFolder, expectAccessible, expectNoProblems, openApp, screenshots } from "./harness";
import { PROPOSAL, TITLE, workshopWithAwa } from "./workshop";

browserAndFolder();

const FROM_JOINER = "Ouvrir les registres des représentants d'intérêts.";

const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? "").replace(/\s+/g, " ").trim();

describe("a workshop room over the room's network", () => {
    test("a laptop joins the room, receives the workshop, and its contributions reach the room's page", async () => {
        const host = await openApp();
        const { workshop } = await workshopWithAwa(laptop(host.laptop));
        await host.page.evaluate(id => (location.hash = `#/ateliers/${id}`), workshop.id);
        await host.page.locator("#room-open-button:not([disabled])").click();
        await host.page.locator("#room-code").waitFor();
        const code = await text(host.page, "#room-code");
        const shown = await text(host.page, "#room-address");
        expect(code).toMatch(/^\d{6}$/);
        expect(shown).toMatch(/^[\d.]+:\d+$/);
        expect(await host.page.evaluate(() => document.activeElement?.id)).toBe("room-close");
        expect(await text(host.page, "#room-recent")).toBe("Aucun ordinateur n'a échangé dans les 5 dernières minutes");
        expect(await host.page.locator("#room-last-exchange").count()).toBe(0);
        await host.page.locator("#workshop-room-section").scrollIntoViewIfNeeded();
        await expectAccessible(host.page, "the room opened");
        await screenshots(host.page, "room-open");
        // Both laptops run here: the joiner reaches the room over loopback.
        const address = `127.0.0.1:${shown.split(":")[1]}`;

        const guest = await openApp();
        const page = guest.page;
        await page.evaluate(id => (location.hash = `#/ateliers/${id}`), workshop.id);
        await page.locator("#room-join-address").fill(address);
        await page.locator("#room-join-code").fill(code === "000000" ? "111111" : "000000");
        await page.locator("#room-join-code").press("Enter");
        await page.getByText("Ce code n'est pas celui de la salle").waitFor();
        expect(await page.locator(".fr-input-group--error #room-join-code").count()).toBe(1);
        expect(await page.evaluate(() => document.activeElement?.id)).toBe("room-join-code");
        await expectAccessible(page, "a wrong room code");
        await screenshots(page, "room-join-wrong-code");

        await page.locator("#room-join-code").fill(code);
        await page.locator("#room-join-submit").click();
        await page.locator("main h1", { hasText: TITLE }).waitFor();
        await page.locator("#room-link-state", { hasText: /^Dernier échange il y a \d+ s$/ }).waitFor();
        expect(await text(page, "#room-link-status")).toContain(`Salle rejointe (${address})`);
        expect(await text(page, "main")).toContain(PROPOSAL);
        await page.locator("#workshop-room-section").scrollIntoViewIfNeeded();
        await expectAccessible(page, "a room joined");
        await screenshots(page, "room-joined");

        // Captured on the joiner: on the room's page after the next exchange, without reloading it.
        await laptop(guest.laptop).addContribution(workshop.id, null, { kind: "proposal", text: FROM_JOINER, aboutCommitmentId: null, aboutMilestoneId: null, proposalIds: [] });
        await host.page.getByText(FROM_JOINER).first().waitFor({ timeout: 15_000 });
        // The joiner exchanged several times by now: one computer.
        expect(await text(host.page, "#room-recent")).toBe("1 ordinateur a échangé dans les 5 dernières minutes");
        expect(await text(host.page, "#room-last-exchange")).toMatch(/^Dernier échange à \d{2}:\d{2}$/);
        await screenshots(host.page, "room-contribution-arrived");

        // A third computer joins: the room's page says so by itself.
        const third = laptop(await newLaptop());
        await third.joinRoom(null, address, code);
        await host.page.locator("#room-recent", { hasText: "2 ordinateurs ont échangé dans les 5 dernières minutes" }).waitFor();
        await host.page.locator("#room-attendance").scrollIntoViewIfNeeded();
        await expectAccessible(host.page, "the room counting the computers that exchanged");
        await screenshots(host.page, "room-attendance");
        await third.leaveRoom();

        // « Mode atelier » on the joiner: the link's status in one line.
        await page.locator("#workshop-room").click();
        await page.locator("#room-link-line", { hasText: `Salle ${address} : Dernier échange il y a` }).waitFor();
        await expectAccessible(page, "room mode with a room joined");
        await screenshots(page, "room-mode-link");
        await page.locator("#room-quit").click();

        // The room closed: the joiner says so, and keeps the workshop.
        await host.page.locator("#room-close").click();
        await host.page.locator("#room-open-button").waitFor();
        await page.locator("#room-link-state", { hasText: "La salle ne répond pas" }).waitFor({ timeout: 15_000 });
        expect(await text(page, "main")).toContain(FROM_JOINER);
        await expectAccessible(page, "the room gone");
        await screenshots(page, "room-gone");
        await page.locator("#room-leave").click();
        await page.locator("#room-join-address").waitFor();

        expectNoProblems(host);
        expectNoProblems(guest);
        await host.close();
        await guest.close();
    }, 90_000);
});
