/**
 * The real programs the browser tests run against: the bridge (one laptop per session) and the
 * central plan API server, built by cargo beforehand (`scripts/test.sh` builds them first).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";

const REPO = resolve(import.meta.dirname, "../../..");

/** The debug build of one of the workspace's programs. */
export function binary(name: string): string {
    // The benchmarks run the release build (`PLAN_OUVERT_PROFILE=release`); the tests, the debug one.
    const path = join(process.env.CARGO_TARGET_DIR ?? join(REPO, "target"), process.env.PLAN_OUVERT_PROFILE ?? "debug", name);
    if (!existsSync(path)) {
        throw new Error(`${path} is missing: build it first (cargo build --workspace --features plan-ouvert/custom-protocol)`);
    }
    return path;
}

export type Running = {
    /** The first line the program printed that matched. */
    firstLine: string;
    stop: () => Promise<void>;
};

/** Starts a program and waits for the line of its standard output that says it is ready. */
export function startProcess(path: string, args: string[], ready: RegExp, env: Record<string, string> = {}): Promise<Running> {
    const child: ChildProcess = spawn(path, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
    let errors = "";
    child.stderr?.on("data", chunk => {
        errors += String(chunk);
        if (process.env.PLAN_OUVERT_TEST_VERBOSE) process.stderr.write(chunk);
    });
    const stop = () =>
        new Promise<void>(done => {
            if (child.exitCode !== null) return done();
            child.once("exit", () => done());
            child.kill("SIGTERM");
        });
    return new Promise((done, fail) => {
        const lines = createInterface({ input: child.stdout! });
        lines.on("line", line => {
            const match = ready.exec(line);
            if (match) done({ firstLine: match[1] ?? match[0], stop });
        });
        child.once("exit", code => fail(new Error(`${path} stopped (${code}) before it was ready:\n${errors}`)));
    });
}

/** Runs a program to its end and returns what it printed; fails with its error output. */
export function runProcess(path: string, args: string[]): Promise<string> {
    return new Promise((done, fail) => {
        const child = spawn(path, args, { stdio: ["ignore", "pipe", "pipe"] });
        let out = "";
        let errors = "";
        child.stdout.on("data", chunk => (out += String(chunk)));
        child.stderr.on("data", chunk => (errors += String(chunk)));
        child.once("exit", code => (code === 0 ? done(out) : fail(new Error(`${path} ${args.join(" ")} → ${code}\n${errors}`))));
    });
}
