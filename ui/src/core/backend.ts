/**
 * The one port through which the interface talks to the backend. One method per backend
 * command; every method returns a promise that rejects with a {@link Failure}.
 *
 * Two adapters implement it: `adapters/tauri.ts` (the desktop app) and `adapters/mock.ts`
 * (in memory, so that every screen runs in a plain browser). Screens never import an adapter:
 * they receive the chosen one from `ui/backendContext.tsx`.
 */
import type {
    Area,
    AreaId,
    AreaInput,
    Commitment,
    CommitmentDetail,
    ConflictChoice,
    ConflictView,
    CommitmentEdit,
    CommitmentId,
    ErrorCode,
    ExportFormat,
    Failure,
    ImportProgress,
    ImportSummary,
    Institution,
    InstitutionId,
    InstitutionInput,
    Locale,
    Milestone,
    MilestoneEdit,
    MilestoneId,
    MilestoneInput,
    OverviewFilter,
    Plan,
    PlanId,
    PlanInput,
    PlanOverview,
    RejectionView,
    SyncConnectInput,
    SyncSettings,
    SyncStatus
} from "./bindings";

export interface Backend {
    getLocale(): Promise<Locale>;
    setLocale(locale: Locale): Promise<null>;

    listPlans(): Promise<Plan[]>;
    createPlan(input: PlanInput): Promise<Plan>;
    updatePlan(planId: PlanId, input: PlanInput): Promise<Plan>;
    /** Idempotent: returns the demo plan already loaded, if any. */
    loadDemoPlan(): Promise<Plan>;
    planOverview(planId: PlanId, filter: OverviewFilter): Promise<PlanOverview>;

    createArea(planId: PlanId, input: AreaInput): Promise<Area>;
    updateArea(areaId: AreaId, input: AreaInput): Promise<Area>;
    /** Refused with `inUse` while the area holds commitments. */
    deleteArea(areaId: AreaId): Promise<null>;

    createCommitment(areaId: AreaId, title: string): Promise<Commitment>;
    getCommitment(commitmentId: CommitmentId): Promise<CommitmentDetail>;
    editCommitment(commitmentId: CommitmentId, edit: CommitmentEdit): Promise<Commitment>;
    deleteCommitment(commitmentId: CommitmentId): Promise<null>;

    createMilestone(commitmentId: CommitmentId, input: MilestoneInput): Promise<Milestone>;
    editMilestone(milestoneId: MilestoneId, edit: MilestoneEdit): Promise<Milestone>;
    /** `position` is the new 0-based index; resolves to the commitment's milestones in order. */
    moveMilestone(milestoneId: MilestoneId, position: number): Promise<Milestone[]>;
    deleteMilestone(milestoneId: MilestoneId): Promise<null>;

    listInstitutions(): Promise<Institution[]>;
    createInstitution(input: InstitutionInput): Promise<Institution>;
    updateInstitution(institutionId: InstitutionId, input: InstitutionInput): Promise<Institution>;
    /** Refused with `inUse` while a commitment or milestone refers to it. */
    deleteInstitution(institutionId: InstitutionId): Promise<null>;

    /** Sync with the central plan API. */
    getSyncStatus(): Promise<SyncStatus>;
    /** Calls `listener` with every new status (the backend sends one whenever a part changes);
     * resolves to the function that stops listening. */
    onSyncStatus(listener: (status: SyncStatus) => void): Promise<() => void>;
    getSyncSettings(): Promise<SyncSettings>;
    /** Checks the address and token against the server at once (`validation` failure on the
     * `serverUrl` or `token` field, in the interface's language), then keeps them and syncs. */
    connectSync(input: SyncConnectInput): Promise<SyncSettings>;
    /** Forgets the token; local data and changes not yet sent stay. */
    disconnectSync(): Promise<null>;
    /** One exchange with the server now; resolves when it is over, with the resulting status. */
    syncNow(): Promise<SyncStatus>;
    listConflicts(): Promise<ConflictView[]>;
    /** The choice becomes a new change, sent to everyone; `validation` if the text is refused. */
    resolveConflict(conflictId: number, choice: ConflictChoice): Promise<null>;
    listRejections(): Promise<RejectionView[]>;
    discardRejection(rejectionId: number): Promise<null>;

    /** Open data. Imports a file of the OGP commitment database: the backend opens the file
     * dialog; resolves to `null` when the person cancels it. All or nothing: a file that cannot
     * be read is refused (`validation`, the message lists each problem with its row) and nothing
     * is written. Importing the same file again changes nothing. */
    importOgpCsv(): Promise<ImportSummary | null>;
    /** Calls `listener` with the progress of a running import; resolves to the function that
     * stops listening. */
    onImportProgress(listener: (progress: ImportProgress) => void): Promise<() => void>;
    /** Exports a plan: the backend opens the save dialog (a folder for CSV); resolves to where
     * it wrote, or `null` when the person cancels. */
    exportPlan(planId: PlanId, format: ExportFormat): Promise<string | null>;
}

const ERROR_CODES: readonly ErrorCode[] = ["validation", "notFound", "inUse", "storage", "internal"];

/** Whether a rejection has the shape of a backend {@link Failure}. */
export function isFailure(value: unknown): value is Failure {
    if (typeof value !== "object" || value === null) return false;
    const v = value as Record<string, unknown>;
    return (
        typeof v.code === "string" &&
        (ERROR_CODES as readonly string[]).includes(v.code) &&
        typeof v.message === "string" &&
        Array.isArray(v.fields)
    );
}

/**
 * Any rejection as a {@link Failure}: backend failures pass through; anything else (a bug, a
 * broken bridge) becomes an `internal` failure carrying its text.
 */
export function toFailure(error: unknown): Failure {
    if (isFailure(error)) return error;
    const message = error instanceof Error ? error.message : String(error);
    return { code: "internal", message, fields: [] };
}

/** The message of one field of a validation failure, if the backend named that field. */
export function fieldMessage(failure: Failure, field: string): string | undefined {
    return failure.fields.find(f => f.field === field)?.message;
}
