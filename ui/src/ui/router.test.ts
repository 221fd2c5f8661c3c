import { describe, expect, test } from "vitest";
import { href, parseRoute } from "./router";

describe("hash routes", () => {
    test("each screen has a route and its links lead back to it", () => {
        expect(parseRoute("")).toEqual({ name: "plans" });
        expect(parseRoute(href.plans())).toEqual({ name: "plans" });
        expect(parseRoute(href.overview("p1"))).toEqual({ name: "overview", planId: "p1" });
        expect(parseRoute(href.commitment("c 1"))).toEqual({ name: "commitment", commitmentId: "c 1" });
        expect(parseRoute(href.dashboard("p1"))).toEqual({ name: "dashboard", planId: "p1" });
        expect(href.dashboard("p1")).toBe("#/plans/p1/tableau-de-bord");
        expect(parseRoute(href.milestoneProgress("c1", "m 1"))).toEqual({ name: "commitment", commitmentId: "c1", milestoneId: "m 1" });
        expect(parseRoute(href.todo())).toEqual({ name: "todo" });
        expect(href.todo()).toBe("#/a-faire");
        expect(parseRoute(href.institutions())).toEqual({ name: "institutions" });
        expect(parseRoute(href.accessibility())).toEqual({ name: "accessibility" });
        expect(parseRoute(href.glossary())).toEqual({ name: "glossary" });
        expect(parseRoute(href.importOgp())).toEqual({ name: "importOgp" });
        expect(href.importOgp()).toBe("#/import");
        expect(parseRoute(href.sync())).toEqual({ name: "sync" });
        expect(parseRoute(href.syncInbox())).toEqual({ name: "syncInbox", section: "conflicts" });
        expect(parseRoute(href.syncRejections())).toEqual({ name: "syncInbox", section: "rejections" });
        expect(parseRoute(href.workshops("p1"))).toEqual({ name: "workshops", planId: "p1" });
        expect(href.workshops("p1")).toBe("#/plans/p1/ateliers");
        expect(parseRoute(href.workshop("w 1"))).toEqual({ name: "workshop", workshopId: "w 1" });
        expect(parseRoute(href.workshopRoom("w1"))).toEqual({ name: "workshopRoom", workshopId: "w1" });
        expect(href.workshopRoom("w1")).toBe("#/ateliers/w1/salle");
        expect(parseRoute(href.privacy())).toEqual({ name: "privacy" });
        expect(parseRoute(href.juries("p1"))).toEqual({ name: "juries", planId: "p1" });
        expect(href.juries("p1")).toBe("#/plans/p1/jurys");
        expect(parseRoute(href.jurySession("s 1"))).toEqual({ name: "jurySession", sessionId: "s 1" });
        expect(parseRoute(href.juryScoring("s1"))).toEqual({ name: "juryScoring", sessionId: "s1" });
        expect(href.juryScoring("s1")).toBe("#/jurys/s1/notation");
    });

    test("anything else is not found", () => {
        expect(parseRoute("#/plans")).toEqual({ name: "notFound" });
        expect(parseRoute("#/nowhere/at/all")).toEqual({ name: "notFound" });
        expect(parseRoute("#/synchronisation/ailleurs")).toEqual({ name: "notFound" });
        expect(parseRoute("#/import/fichier")).toEqual({ name: "notFound" });
        expect(parseRoute("#/plans/p1/ailleurs")).toEqual({ name: "notFound" });
        expect(parseRoute("#/commitments/c1/avancement")).toEqual({ name: "notFound" });
        expect(parseRoute("#/ateliers")).toEqual({ name: "notFound" });
        expect(parseRoute("#/ateliers/w1/ailleurs")).toEqual({ name: "notFound" });
        expect(parseRoute("#/jurys")).toEqual({ name: "notFound" });
        expect(parseRoute("#/jurys/s1/ailleurs")).toEqual({ name: "notFound" });
    });
});
