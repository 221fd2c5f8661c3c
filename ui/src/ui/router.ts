/**
 * A small hash router: the desktop app loads one `index.html` from its own protocol, so the
 * screen is named after `#`. Only hashes starting with `#/` are routes; any other hash (a skip
 * link's `#contenu`) is an in-page anchor and leaves the current screen alone.
 */
import { useEffect, useRef, useSyncExternalStore } from "react";

export type Route =
    | { name: "plans" }
    | { name: "overview"; planId: string }
    | { name: "dashboard"; planId: string }
    | { name: "commitment"; commitmentId: string; milestoneId?: string }
    | { name: "todo" }
    | { name: "round"; roundId: string }
    | { name: "workshops"; planId: string }
    | { name: "workshop"; workshopId: string }
    | { name: "workshopRoom"; workshopId: string }
    | { name: "juries"; planId: string }
    | { name: "jurySession"; sessionId: string }
    | { name: "juryScoring"; sessionId: string }
    | { name: "privacy" }
    | { name: "institutions" }
    | { name: "importOgp" }
    | { name: "sync" }
    | { name: "syncInbox"; section: "conflicts" | "rejections" }
    | { name: "accessibility" }
    | { name: "glossary" }
    | { name: "notFound" };

export const href = {
    plans: () => "#/",
    overview: (planId: string) => `#/plans/${encodeURIComponent(planId)}`,
    /** The plan at a glance. */
    dashboard: (planId: string) => `#/plans/${encodeURIComponent(planId)}/tableau-de-bord`,
    commitment: (commitmentId: string) => `#/commitments/${encodeURIComponent(commitmentId)}`,
    /** The commitment screen at a milestone's progress, to report on it. */
    milestoneProgress: (commitmentId: string, milestoneId: string) =>
        `#/commitments/${encodeURIComponent(commitmentId)}/avancement/${encodeURIComponent(milestoneId)}`,
    /** A reporting round and who has reported. */
    round: (roundId: string) => `#/campagnes/${encodeURIComponent(roundId)}`,
    /** A plan's co-construction workshops. */
    workshops: (planId: string) => `#/plans/${encodeURIComponent(planId)}/ateliers`,
    /** A workshop: its preparation, participants, contributions and what became of them. */
    workshop: (workshopId: string) => `#/ateliers/${encodeURIComponent(workshopId)}`,
    /** « Mode atelier »: the shared laptop in the room. */
    workshopRoom: (workshopId: string) => `#/ateliers/${encodeURIComponent(workshopId)}/salle`,
    /** A plan's citizen jury sessions. */
    juries: (planId: string) => `#/plans/${encodeURIComponent(planId)}/jurys`,
    /** A jury session: its jurors, applications, scoring and ranking. */
    jurySession: (sessionId: string) => `#/jurys/${encodeURIComponent(sessionId)}`,
    /** Scoring on the jury room's shared laptop: one juror at a time, their own sheets only. */
    juryScoring: (sessionId: string) => `#/jurys/${encodeURIComponent(sessionId)}/notation`,
    /** What personal data is kept, why and for how long. */
    privacy: () => "#/donnees-personnelles",
    /** What is late and due soon for the person signed in. */
    todo: () => "#/a-faire",
    institutions: () => "#/institutions",
    /** Import of the OGP commitment database. */
    importOgp: () => "#/import",
    sync: () => "#/synchronisation",
    /** Conflicts and refused changes, at the conflicts. */
    syncInbox: () => "#/synchronisation/a-traiter",
    /** The same screen, at the refused changes. */
    syncRejections: () => "#/synchronisation/a-traiter/refus",
    accessibility: () => "#/accessibilite",
    /** The words of the OGP and of its plans, French and English. */
    glossary: () => "#/glossaire"
};

export function parseRoute(hash: string): Route {
    const path = hash.replace(/^#/, "") || "/";
    const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
    if (parts.length === 0) return { name: "plans" };
    if (parts[0] === "plans" && parts.length === 2 && parts[1]) return { name: "overview", planId: parts[1] };
    if (parts[0] === "plans" && parts.length === 3 && parts[1] && parts[2] === "tableau-de-bord") return { name: "dashboard", planId: parts[1] };
    if (parts[0] === "commitments" && parts.length === 2 && parts[1]) return { name: "commitment", commitmentId: parts[1] };
    if (parts[0] === "commitments" && parts.length === 4 && parts[1] && parts[2] === "avancement" && parts[3]) {
        return { name: "commitment", commitmentId: parts[1], milestoneId: parts[3] };
    }
    if (parts[0] === "plans" && parts.length === 3 && parts[1] && parts[2] === "ateliers") return { name: "workshops", planId: parts[1] };
    if (parts[0] === "ateliers" && parts.length === 2 && parts[1]) return { name: "workshop", workshopId: parts[1] };
    if (parts[0] === "ateliers" && parts.length === 3 && parts[1] && parts[2] === "salle") return { name: "workshopRoom", workshopId: parts[1] };
    if (parts[0] === "plans" && parts.length === 3 && parts[1] && parts[2] === "jurys") return { name: "juries", planId: parts[1] };
    if (parts[0] === "jurys" && parts.length === 2 && parts[1]) return { name: "jurySession", sessionId: parts[1] };
    if (parts[0] === "jurys" && parts.length === 3 && parts[1] && parts[2] === "notation") return { name: "juryScoring", sessionId: parts[1] };
    if (parts[0] === "donnees-personnelles" && parts.length === 1) return { name: "privacy" };
    if (parts[0] === "a-faire" && parts.length === 1) return { name: "todo" };
    if (parts[0] === "campagnes" && parts.length === 2 && parts[1]) return { name: "round", roundId: parts[1] };
    if (parts[0] === "institutions" && parts.length === 1) return { name: "institutions" };
    if (parts[0] === "import" && parts.length === 1) return { name: "importOgp" };
    if (parts[0] === "synchronisation" && parts.length === 1) return { name: "sync" };
    if (parts[0] === "synchronisation" && parts[1] === "a-traiter" && parts.length === 2) return { name: "syncInbox", section: "conflicts" };
    if (parts[0] === "synchronisation" && parts[1] === "a-traiter" && parts[2] === "refus" && parts.length === 3) {
        return { name: "syncInbox", section: "rejections" };
    }
    if (parts[0] === "accessibilite" && parts.length === 1) return { name: "accessibility" };
    if (parts[0] === "glossaire" && parts.length === 1) return { name: "glossary" };
    return { name: "notFound" };
}

let currentHash = typeof location !== "undefined" && location.hash.startsWith("#/") ? location.hash : "#/";
const listeners = new Set<() => void>();

/**
 * What the screen shown would lose if the person left it (an invalid value not saved), or
 * `null`: set by the screen (see {@link useLeaveGuard}), asked before each change of screen.
 */
let leaveGuard: (() => string | null) | null = null;
/** A change of screen held back until the person says whether to leave, and why. */
let held: { to: string; reason: string } | null = null;
const heldListeners = new Set<() => void>();
const setHeld = (next: typeof held) => {
    held = next;
    heldListeners.forEach(listener => listener());
};

function show(hash: string) {
    currentHash = hash;
    listeners.forEach(listener => listener());
}

if (typeof window !== "undefined") {
    window.addEventListener("hashchange", () => {
        if (location.hash !== "" && !location.hash.startsWith("#/")) return;
        const to = location.hash || "#/";
        const reason = to === currentHash ? null : (leaveGuard?.() ?? null);
        if (reason !== null) {
            // Back where the person is, without a new step in the history; they choose.
            history.replaceState(history.state, "", currentHash);
            setHeld({ to, reason });
            return;
        }
        show(to);
    });
}

/** Sets what leaving the screen shown would lose; returns how to remove it. */
export function setLeaveGuard(guard: () => string | null): () => void {
    leaveGuard = guard;
    return () => {
        if (leaveGuard === guard) leaveGuard = null;
    };
}

/** The screen's guard against leaving it, for as long as it is shown. */
export function useLeaveGuard(guard: () => string | null): void {
    const latest = useRef(guard);
    latest.current = guard;
    useEffect(() => setLeaveGuard(() => latest.current()), []);
}

/** The change of screen held back, if any, to ask the person about it. */
export function useHeldNavigation(): { to: string; reason: string } | null {
    return useSyncExternalStore(
        listener => {
            heldListeners.add(listener);
            return () => heldListeners.delete(listener);
        },
        () => held,
        () => held
    );
}

/** Stays on the screen: the held change of screen is dropped. */
export function stay(): void {
    setHeld(null);
}

/** Leaves anyway, to where the person was going. */
export function leaveAnyway(): void {
    if (held === null) return;
    const { to } = held;
    setHeld(null);
    history.pushState(history.state, "", to);
    show(to);
}

function subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
}

const getHash = () => currentHash;

/** The current screen; re-renders on navigation. */
export function useRoute(): Route {
    return parseRoute(useSyncExternalStore(subscribe, getHash, getHash));
}

export function navigate(to: string): void {
    location.hash = to;
}
