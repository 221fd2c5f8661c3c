/**
 * The real core, from the tests' side: laptops are sessions of the loopback bridge (each its own
 * store), driven through the same generated port as the interface; the central plan API is the
 * real `plan-ouvert-server`, with real people and tokens made by its command line. What no real
 * backend does on demand is scripted, and only that: the answers to the next file dialogs, a
 * pause between import progress reports, and the network dropping (a loopback relay switched
 * off).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, Socket, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { inject } from "vitest";
import type { Backend } from "../../src/core/backend";
import { toFailure } from "../../src/core/backend";
import { backendOver } from "../../src/core/commands";
import { binary, runProcess, startProcess } from "./processes";

/** The OGP commitment database's sample (405 commitments, 150 plans), beside the repository. */
export const OGP_SAMPLE = resolve(import.meta.dirname, "../../../../shared/data/ogp/ogp-commitments-sample.csv");

/** A new laptop with an empty store; returns its session id. */
export async function newLaptop(): Promise<string> {
    const response = await fetch(`${inject("baseUrl")}bridge/sessions`, { method: "POST" });
    const { session } = (await response.json()) as { session: string };
    return session;
}

/** A laptop's backend, called from the test (another person, or set-up the screen does not show). */
export function laptop(session: string): Backend {
    const root = `${inject("baseUrl")}bridge/s/${session}`;
    return backendOver({
        call: async (command, args) => {
            const response = await fetch(`${root}/invoke/${command}`, {
                method: "POST",
                headers: { "Content-Type": "application/json" },
                body: JSON.stringify(args)
            });
            const reply = (await response.json()) as { ok: unknown } | { err: unknown };
            if ("err" in reply) throw toFailure(reply.err);
            return reply.ok;
        },
        listen: () => Promise.reject(new Error("tests read events on the page"))
    });
}

/** What the person will answer to the next file dialogs of `session` (`null`: cancel), and
 * how long each import progress report stays on screen. */
export async function script(session: string, options: { files?: (string | null)[]; progressDelayMs?: number }): Promise<void> {
    const response = await fetch(`${inject("baseUrl")}bridge/s/${session}/script`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(options)
    });
    if (!response.ok) throw new Error(`script: HTTP ${response.status}`);
}

/** The files the app of `session` asked the system to open, in order. */
export async function opened(session: string): Promise<string[]> {
    const response = await fetch(`${inject("baseUrl")}bridge/s/${session}/opened`);
    if (!response.ok) throw new Error(`opened: HTTP ${response.status}`);
    return (await response.json()) as string[];
}

/** The desktop notifications the app of `session` sent, in order. */
export async function notified(session: string): Promise<{ title: string; body: string }[]> {
    const response = await fetch(`${inject("baseUrl")}bridge/s/${session}/notified`);
    if (!response.ok) throw new Error(`notified: HTTP ${response.status}`);
    return (await response.json()) as { title: string; body: string }[];
}

/** A folder removed by `remove()`. */
/**
 * Imports a file of the OGP commitment database the way the import screen does: the backend
 * reads the file the next dialog answers (see {@link script}), then every plan it holds is
 * chosen. Resolves to `null` when the dialog is cancelled.
 */
export async function importEveryPlan(b: Backend) {
    const preview = await b.readOgpCsv();
    if (preview === null) return null;
    return b.importOgpPlans(preview.plans.map(p => p.id));
}

export function temporaryFolder(): { path: string; remove: () => void } {
    const path = mkdtempSync(join(tmpdir(), "plan-ouvert-ui-"));
    return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** The people of the test server: name, institution, role. */
export const PEOPLE = {
    camille: { name: "Camille Martin", institution: "DITP", role: "drafter" },
    dominique: { name: "Dominique Bernard", institution: "DITP", role: "drafter" },
    claire: { name: "Claire Dubois", institution: "DITP", role: "coordinator" },
    hugo: { name: "Hugo Petit", institution: "HATVP", role: "drafter" },
    remi: { name: "Rémi Laurent", institution: "DITP", role: "reader" }
} as const;
export type Person = keyof typeof PEOPLE;

const INSTITUTIONS = [
    ["Direction interministérielle de la transformation publique", "DITP", "ministry"],
    ["Haute Autorité pour la transparence de la vie publique", "HATVP", "independentAuthority"]
] as const;

/** One way into the server: a loopback relay that can be switched off (the network dropping). */
export type Network = {
    /** The address an app is given. */
    url: string;
    /** Cuts (or restores) the network between the apps given `url` and the server. */
    setOnline: (online: boolean) => void;
};

export type PlanServer = {
    /** The address the apps are given: a relay to the server that `setOnline(false)` cuts. */
    url: string;
    tokens: Record<Person, string>;
    /** Cuts (or restores) the network between the apps given `url` and the server. */
    setOnline: (online: boolean) => void;
    /**
     * A new relay of its own to the server, for one laptop: cutting it leaves the others
     * online (one person on a train while a colleague stays at the office).
     */
    address: () => Promise<Network>;
    /** Revokes every token of a person, with the server's command line. */
    revoke: (person: Person) => Promise<void>;
    stop: () => Promise<void>;
};

/** A loopback relay to `target` that can be switched off (the network dropping). */
async function relay(target: number): Promise<{ port: number; setOnline: (online: boolean) => void; close: () => Promise<void> }> {
    let online = true;
    const open = new Set<Socket>();
    const server: Server = createServer(client => {
        if (!online) {
            client.destroy();
            return;
        }
        const upstream = new Socket();
        upstream.connect(target, "127.0.0.1");
        for (const socket of [client, upstream]) {
            open.add(socket);
            socket.on("close", () => open.delete(socket));
            socket.on("error", () => socket.destroy());
        }
        client.pipe(upstream).pipe(client);
        client.on("close", () => upstream.destroy());
        upstream.on("close", () => client.destroy());
    });
    await new Promise<void>(done => server.listen(0, "127.0.0.1", done));
    return {
        port: (server.address() as AddressInfo).port,
        setOnline: value => {
            online = value;
            if (!value) for (const socket of open) socket.destroy();
        },
        close: () =>
            new Promise<void>(done => {
                for (const socket of open) socket.destroy();
                server.close(() => done());
            })
    };
}

/** A new central plan API with the DITP and the HATVP, and the people of {@link PEOPLE}. */
export async function startPlanServer(): Promise<PlanServer> {
    const folder = temporaryFolder();
    const db = join(folder.path, "plan.sqlite3");
    const server = binary("plan-ouvert-server");
    for (const [name, acronym, kind] of INSTITUTIONS) {
        await runProcess(server, ["--db", db, "institution", "add", name, "--acronym", acronym, "--kind", kind]);
    }
    const tokens = {} as Record<Person, string>;
    for (const [key, person] of Object.entries(PEOPLE) as [Person, (typeof PEOPLE)[Person]][]) {
        await runProcess(server, ["--db", db, "user", "add", person.name, "--institution", person.institution, "--role", person.role]);
        tokens[key] = (await runProcess(server, ["--db", db, "token", "issue", person.name])).trim();
    }
    const running = await startProcess(server, ["--db", db, "serve", "--listen", "127.0.0.1:0"], /listening on (\S+)/);
    const port = Number(running.firstLine.split(":").pop());
    const network = await relay(port);
    const relays = [network];
    return {
        url: `http://127.0.0.1:${network.port}`,
        tokens,
        setOnline: network.setOnline,
        address: async () => {
            const own = await relay(port);
            relays.push(own);
            return { url: `http://127.0.0.1:${own.port}`, setOnline: own.setOnline };
        },
        revoke: async person => {
            await runProcess(server, ["--db", db, "token", "revoke", PEOPLE[person].name]);
        },
        stop: async () => {
            await Promise.all(relays.map(r => r.close()));
            await running.stop();
            folder.remove();
        }
    };
}
