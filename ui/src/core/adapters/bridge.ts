/**
 * The browser adapter: carries each call over HTTP to the loopback bridge
 * (`crates/bridge`, `plan-ouvert-bridge`), which serves the same Rust core as the desktop app,
 * and each event from the bridge's server-sent events. The page's `?session=` names the laptop
 * (one store each; `default` when absent).
 */
import type { Backend } from "../backend";
import { toFailure } from "../backend";
import { backendOver } from "../commands";

/** The bridge's reply to a call: the command's value or its failure. */
type Reply = { ok: unknown } | { err: unknown };

export function createBridgeBackend(base: string, session: string): Backend {
    const root = `${base}bridge/s/${encodeURIComponent(session)}`;
    let source: EventSource | null = null;
    return backendOver({
        call: async (command, args) => {
            let reply: Reply;
            try {
                const response = await fetch(`${root}/invoke/${command}`, {
                    method: "POST",
                    headers: { "Content-Type": "application/json" },
                    body: JSON.stringify(args)
                });
                reply = (await response.json()) as Reply;
            } catch (error) {
                throw toFailure(error);
            }
            if ("err" in reply) throw toFailure(reply.err);
            return reply.ok;
        },
        listen: async (event, listener) => {
            source ??= new EventSource(`${root}/events`);
            const handler = (message: MessageEvent<string>) => listener(JSON.parse(message.data));
            source.addEventListener(event, handler);
            return () => source?.removeEventListener(event, handler);
        }
    });
}

/** The session the page names (`?session=…`), or the default one. */
export function sessionOf(location: Location): string {
    return new URLSearchParams(location.search).get("session") ?? "default";
}
