/**
 * Sync with the central plan API, simulated in memory for the mock backend: no network, but the
 * same states and the same sentences as the desktop backend for what the screens show.
 *
 * - Not configured at start. `connect` checks the address (http:// or https://), then the token
 *   (not empty; a token that does not start with `po_` is "not recognised"); an address on the
 *   reserved `.invalid` domain stands for a server that does not answer.
 * - While configured, every local change adds one to `pending`; `syncNow` sends them all when
 *   online. Nothing is sent by itself: tests decide when.
 * - Test-only controls (`MockSyncControls`) put the simulation in the states a test needs:
 *   offline, token revoked, a conflict or a refusal from the server, changes received.
 */
import type {
    ConflictChoice,
    ConflictView,
    Failure,
    Locale,
    RejectionView,
    SyncAccount,
    SyncConnectInput,
    SyncSettings,
    SyncStatus
} from "../../bindings";
import { parseLong, parseTitle, single } from "./rules";

export const SYNC_MESSAGES = {
    tokenRefused: {
        fr: "Ce jeton n'est pas reconnu par le serveur (erreur de saisie ou jeton révoqué).",
        en: "The server does not recognise this token (typo or revoked token)."
    },
    unreachable: {
        fr: "Le serveur ne répond pas à cette adresse. Vérifiez l'adresse et votre connexion.",
        en: "No server answers at this address. Check the address and your connection."
    },
    badAddress: {
        fr: "Saisissez une adresse commençant par http:// ou https://.",
        en: "Enter an address starting with http:// or https://."
    },
    emptyToken: {
        fr: "Saisissez le jeton reçu de votre administrateur.",
        en: "Enter the token your administrator gave you."
    },
    notEditable: {
        fr: "Ce champ ne se saisit pas librement : gardez l'une des deux versions.",
        en: "This field cannot be typed freely: keep one of the two versions."
    }
} as const;

/** What a test gives to create a conflict; the rest gets plausible defaults. */
export type ConflictSeed = Partial<Omit<ConflictView, "id" | "at">> & Pick<ConflictView, "field" | "mine" | "theirs">;
export type RejectionSeed = Partial<Omit<RejectionView, "id" | "at">> & Pick<RejectionView, "reason" | "text">;

/** Test-only: puts the simulation in a state. Every call notifies the status listeners. */
export type MockSyncControls = {
    /** A conflict as the server would report it; returns its id. */
    injectConflict(seed: ConflictSeed): number;
    /** A change the server refused; returns its id. */
    injectRejection(seed: RejectionSeed): number;
    /** The network goes away (`true`) or comes back (`false`); nothing is sent by itself. */
    setOffline(offline: boolean): void;
    /** The server stops accepting the token (revoked). */
    revokeToken(): void;
    /**
     * Changes from someone else were received and written locally: `write` (if any) changes the
     * data without counting as a local change, then `revision` goes up.
     */
    receiveChanges(write?: () => void): void;
    /** The status as the backend would send it. */
    status(): SyncStatus;
};

export type MockSyncOptions = {
    locale: () => Locale;
    /** Writes a conflict's chosen value into the local data, if the record is still there. */
    applyResolution: (conflict: ConflictView, value: string) => void;
    /** The mock's `notFound` failure, for a conflict or refusal that is gone. */
    notFound: () => Failure;
};

const URL_PATTERN = /^https?:\/\/[^\s/?#]+[^\s]*$/i;

/** The account the simulated server tells for a token: `po_coord…` coordinates, `po_read…` reads. */
function accountFor(token: string): SyncAccount {
    const role = token.startsWith("po_coord") ? "coordinator" : token.startsWith("po_read") ? "reader" : "drafter";
    return { name: "Camille Martin", institutionName: "Direction interministérielle de la transformation publique", role };
}

export class MockSync {
    private connection: SyncStatus["connection"] = "notConfigured";
    private syncing = false;
    private pending = 0;
    private lastSuccess: string | null = null;
    private lastError: string | null = null;
    private revision = 0;
    private settings: SyncSettings = { serverUrl: null, account: null, tokenStorage: null };
    private conflicts: ConflictView[] = [];
    private rejections: RejectionView[] = [];
    private nextId = 1;
    private readonly listeners = new Set<(status: SyncStatus) => void>();

    constructor(private readonly options: MockSyncOptions) {}

    private message(key: keyof typeof SYNC_MESSAGES): string {
        return SYNC_MESSAGES[key][this.options.locale()];
    }

    /** A validation failure shaped like the backend's: one sentence per field. */
    private invalid(fields: { field: string; message: string }[]): Failure {
        // At most two fields here (address and token), worded as the desktop backend does.
        const fr = this.options.locale() === "fr";
        const message = fields.length === 1 && fields[0] ? fields[0].message : fr ? "Deux champs sont à corriger." : "Two fields need correcting.";
        return { code: "validation", message, fields };
    }

    status(): SyncStatus {
        return {
            connection: this.connection,
            syncing: this.syncing,
            pending: this.pending,
            conflicts: this.conflicts.length,
            rejections: this.rejections.length,
            lastSuccess: this.lastSuccess,
            lastError: this.lastError,
            serverUrl: this.settings.serverUrl,
            revision: this.revision
        };
    }

    private notify(): void {
        const status = this.status();
        this.listeners.forEach(listener => listener({ ...status }));
    }

    subscribe(listener: (status: SyncStatus) => void): () => void {
        this.listeners.add(listener);
        return () => {
            this.listeners.delete(listener);
        };
    }

    getSettings(): SyncSettings {
        return structuredClone(this.settings);
    }

    get configured(): boolean {
        return this.connection !== "notConfigured";
    }

    /** A local change was saved: one more to send, if there is somewhere to send it. */
    recordLocalChange(): void {
        if (!this.configured) return;
        this.pending += 1;
        this.notify();
    }

    /** Checks the address and the token as the server would; throws a validation failure's `Refused`. */
    connect(input: SyncConnectInput): SyncSettings {
        const serverUrl = input.serverUrl.trim();
        const token = input.token.trim();
        const problems: { field: string; message: string }[] = [];
        if (!URL_PATTERN.test(serverUrl)) problems.push({ field: "serverUrl", message: this.message("badAddress") });
        if (token === "") problems.push({ field: "token", message: this.message("emptyToken") });
        if (problems.length > 0) throw this.invalid(problems);
        const host = new URL(serverUrl).hostname;
        if (host === "invalid" || host.endsWith(".invalid")) throw this.invalid([{ field: "serverUrl", message: this.message("unreachable") }]);
        if (!token.startsWith("po_")) throw this.invalid([{ field: "token", message: this.message("tokenRefused") }]);
        this.settings = { serverUrl, account: accountFor(token), tokenStorage: "file" };
        this.connection = "online";
        this.sendPending();
        return this.getSettings();
    }

    disconnect(): void {
        this.settings = { serverUrl: null, account: null, tokenStorage: null };
        this.connection = "notConfigured";
        this.lastError = null;
        this.notify();
    }

    /** Marks an exchange as started; `finishSync` ends it (the latency is the caller's). */
    startSync(): boolean {
        if (!this.configured) return false;
        this.syncing = true;
        this.notify();
        return true;
    }

    finishSync(): SyncStatus {
        this.syncing = false;
        if (this.connection === "online") this.sendPending();
        else this.notify();
        return this.status();
    }

    private sendPending(): void {
        this.pending = 0;
        this.lastSuccess = new Date().toISOString();
        this.lastError = null;
        this.notify();
    }

    listConflicts(): ConflictView[] {
        return structuredClone(this.conflicts);
    }

    listRejections(): RejectionView[] {
        return structuredClone(this.rejections);
    }

    resolveConflict(conflictId: number, choice: ConflictChoice): void {
        const conflict = this.conflicts.find(c => c.id === conflictId);
        if (conflict === undefined) throw this.options.notFound();
        let value: string;
        if (choice.choice === "mine") value = conflict.mine;
        else if (choice.choice === "theirs") value = conflict.theirs;
        else {
            if (!conflict.editable) throw this.invalid([{ field: conflict.field, message: this.message("notEditable") }]);
            value = single(conflict.field, conflict.field === "title" ? parseTitle(choice.value) : parseLong(choice.value));
        }
        this.options.applyResolution(conflict, value);
        this.conflicts = this.conflicts.filter(c => c.id !== conflictId);
        // The choice is a new change, sent to everyone.
        this.pending += 1;
        this.notify();
    }

    discardRejection(rejectionId: number): void {
        if (!this.rejections.some(r => r.id === rejectionId)) throw this.options.notFound();
        this.rejections = this.rejections.filter(r => r.id !== rejectionId);
        this.notify();
    }

    readonly controls: MockSyncControls = {
        injectConflict: seed => {
            const id = this.nextId++;
            this.conflicts.push({
                recordKind: "commitment",
                recordId: seed.commitmentId ?? crypto.randomUUID(),
                commitmentId: null,
                recordTitle: "Engagement",
                editable: false,
                proposed: null,
                ...seed,
                id,
                at: new Date().toISOString()
            });
            this.notify();
            return id;
        },
        injectRejection: seed => {
            const id = this.nextId++;
            this.rejections.push({
                recordKind: "commitment",
                recordId: seed.commitmentId ?? crypto.randomUUID(),
                commitmentId: null,
                recordTitle: "Engagement",
                action: "edit",
                field: null,
                ...seed,
                id,
                at: new Date().toISOString()
            });
            this.notify();
            return id;
        },
        setOffline: offline => {
            if (!this.configured) return;
            this.connection = offline ? "offline" : "online";
            this.lastError = offline ? this.message("unreachable") : null;
            this.notify();
        },
        revokeToken: () => {
            if (!this.configured) return;
            this.connection = "unauthorized";
            this.lastError = this.message("tokenRefused");
            this.notify();
        },
        receiveChanges: write => {
            write?.();
            this.revision += 1;
            this.notify();
        },
        status: () => this.status()
    };
}
