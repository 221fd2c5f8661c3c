// Generated from crates/app/src/commands.rs and shell.rs by crates/app/tests/generated.rs.
// Do not edit by hand: UPDATE_BINDINGS=1 cargo test -p plan-ouvert-app --test generated

import type { Area, AreaId, AreaInput, Commitment, CommitmentDetail, CommitmentEdit, CommitmentId, CommitmentProgress, ConflictChoice, ConflictId, ConflictView, Contribution, ContributionId, ContributionInput, DashboardChart, DeletionId, ErrorCode, EvidenceFile, ExchangeImported, ExchangeSaved, ExchangeScope, ExportFormat, ImportId, ImportPreview, ImportProgress, ImportRecord, ImportSummary, Institution, InstitutionId, InstitutionInput, InstitutionRef, Juror, JurorId, JurorInput, JuryApplication, JuryApplicationId, JuryApplicationInput, JuryApplicationsImported, JuryApplicationsPreview, JuryCriterion, JuryDetail, JurySession, JurySessionId, JurySessionInput, JurySessionSummary, Locale, Milestone, MilestoneEdit, MilestoneId, MilestoneInput, OverviewFilter, ParticipantId, ParticipantInput, ParticipantView, Plan, PlanDashboard, PlanId, PlanInput, PlanOverview, PlanSearch, PlanTarget, ProgressWorkbookPreview, ProgressWorkbookSummary, ReadOnly, RecordSyncState, RejectionId, RejectionView, Report, ReportInput, RoomJoin, RoomLinkView, RoomSubject, RoomView, Round, RoundId, RoundInput, RoundProgress, ScoreSheet, ScoreSheetInput, SelfAssessmentTerm, SyncConnectInput, SyncSettings, SyncStatus, TodoList, TraceInput, TracedContribution, UndoImportSummary, Workshop, WorkshopDetail, WorkshopId, WorkshopInput, WorkshopSummary } from "./bindings";

/** How an adapter carries a call or an event; it holds no rule, no message and no data. */
export interface Transport {
    call(command: string, args: Record<string, unknown>): Promise<unknown>;
    listen(event: string, listener: (payload: unknown) => void): Promise<() => void>;
}

/**
 * The one port through which the interface talks to the backend: one method per command,
 * each rejecting with a `Failure`; one `on…` method per event, resolving to the function
 * that stops listening.
 */
export interface Backend {
    /** The interface's language, as last chosen (French by default). */
    getLocale(): Promise<Locale>;
    setLocale(locale: Locale): Promise<null>;
    listPlans(): Promise<Array<Plan>>;
    createPlan(input: PlanInput): Promise<Plan>;
    updatePlan(planId: PlanId, input: PlanInput): Promise<Plan>;
    /** Idempotent: returns the demo plan already loaded, if any. */
    loadDemoPlan(): Promise<Plan>;
    planOverview(planId: PlanId, filter: OverviewFilter): Promise<PlanOverview>;
    /** What a search finds, ids alone: the overview, read once, shows it of itself as one types. */
    searchPlan(planId: PlanId, query: string): Promise<PlanSearch>;
    createArea(planId: PlanId, input: AreaInput): Promise<Area>;
    updateArea(areaId: AreaId, input: AreaInput): Promise<Area>;
    /**
     * Refused with `inUse` while the area holds commitments.
     * Deletes an empty area; resolves to the deletion, to undo it (`restore_deletion`).
     */
    deleteArea(areaId: AreaId): Promise<DeletionId>;
    createCommitment(areaId: AreaId, title: string): Promise<Commitment>;
    /** Why the person signed in may not change plans, engagement areas and institutions (null: they may). */
    getStructureAccess(): Promise<ReadOnly | null>;
    getCommitment(commitmentId: CommitmentId): Promise<CommitmentDetail>;
    /** Where the commitment's changes (its milestones' included) stand with the server. */
    getCommitmentSyncState(commitmentId: CommitmentId): Promise<RecordSyncState>;
    editCommitment(commitmentId: CommitmentId, edit: CommitmentEdit): Promise<Commitment>;
    /** Deletes a commitment and its milestones; resolves to the deletion, to undo it. */
    deleteCommitment(commitmentId: CommitmentId): Promise<DeletionId>;
    createMilestone(commitmentId: CommitmentId, input: MilestoneInput): Promise<Milestone>;
    editMilestone(milestoneId: MilestoneId, edit: MilestoneEdit): Promise<Milestone>;
    /** `position` is the new 0-based index; resolves to the commitment's milestones in order. */
    moveMilestone(milestoneId: MilestoneId, position: number): Promise<Array<Milestone>>;
    /** Deletes a milestone; resolves to the deletion, to undo it. */
    deleteMilestone(milestoneId: MilestoneId): Promise<DeletionId>;
    /**
     * Brings back what a deletion removed, as new records with the same content in the same
     * place (the server keeps a deleted identity deleted); resolves to the new id of the record
     * deleted. Refused when already undone, or when what it belonged to is gone since.
     */
    restoreDeletion(deletionId: DeletionId): Promise<string>;
    /**
     * A commitment's follow-up: its own timeline and its milestones', where each stands, its
     * progress, and how a report written now would be signed (or why none can be).
     */
    getCommitmentProgress(commitmentId: CommitmentId): Promise<CommitmentProgress>;
    /**
     * Writes a progress report (a new entry of the timeline, never changed after), signed by the
     * person this laptop connected with; `validation` with each problem next to its field.
     */
    reportProgress(input: ReportInput): Promise<Report>;
    /**
     * Asks the person for a file (the backend opens the dialog) and keeps it as evidence for a
     * report to come; `null` when they cancel; `validation` on `files` when it is too large, of a
     * kind not accepted, or not what its name says.
     */
    attachEvidenceFile(): Promise<EvidenceFile | null>;
    /** Opens an evidence file with the system's viewer; `notFound` while it has not arrived. */
    openEvidenceFile(file: EvidenceFile): Promise<null>;
    /**
     * The plan at a glance on this laptop's date: progress by engagement area and by lead
     * institution, milestones by status, those late and those due within 30 days, the latest
     * reports.
     */
    getPlanDashboard(planId: PlanId): Promise<PlanDashboard>;
    /**
     * What is late or due within 30 days for the person signed in: the milestones of the
     * commitments their institution leads (every institution's for a coordinator, everyone's
     * while nobody is signed in), by due date, each with a stable key.
     */
    getTodo(): Promise<TodoList>;
    /**
     * Whether what becomes late or due within 30 days is told in a desktop notification (on
     * start and after each sync, each item once); on by default.
     */
    getNotificationsEnabled(): Promise<boolean>;
    /**
     * Turns desktop notifications on or off. While off, nothing is shown and nothing piles up:
     * turned on again, only what becomes news from then on is told.
     */
    setNotificationsEnabled(enabled: boolean): Promise<null>;
    /**
     * Saves a chart of a plan's dashboard as an image: `png` is the PNG drawn by the window, in
     * base64; the backend asks where and names the file. Resolves to where it wrote, or `null`
     * when the person cancels; `validation` when `png` is not a PNG image.
     */
    saveChartImage(planId: PlanId, chart: DashboardChart, png: string): Promise<string | null>;
    /** The plan's reporting rounds, the latest due first. */
    listRounds(planId: PlanId): Promise<Array<Round>>;
    /** Opens a reporting round (the coordination); `validation` with each problem by its field. */
    createRound(planId: PlanId, input: RoundInput): Promise<Round>;
    updateRound(roundId: RoundId, input: RoundInput): Promise<Round>;
    /** Deletes a round (reports stay); resolves to the deletion, to undo it. */
    deleteRound(roundId: RoundId): Promise<DeletionId>;
    /**
     * A round today: per institution, what is reported, late or to do, and whom to remind (a
     * drafter or a reader sees their institution's part).
     */
    getRoundProgress(roundId: RoundId): Promise<RoundProgress>;
    /**
     * Saves the contacts to remind of a round as CSV (the backend asks where); resolves to
     * where it wrote, or `null` when the person cancels.
     */
    exportRoundContacts(roundId: RoundId): Promise<string | null>;
    /**
     * The plan's co-construction workshops, the latest first, each with its participants,
     * contributions and how many of them have their outcome said.
     */
    listWorkshops(planId: PlanId): Promise<Array<WorkshopSummary>>;
    /**
     * Everything a workshop's screen shows: its preparation, participants counted by kind (who
     * they are only on the laptops of the institution that ran it: `identitiesHere`), its
     * contributions with their votes and what they fed, and why it is read-only if it is.
     */
    getWorkshop(workshopId: WorkshopId): Promise<WorkshopDetail>;
    /**
     * Every commitment of the plan followed by its milestones, numbered, in plan order: what the
     * workshop screens choose from.
     */
    listPlanTargets(planId: PlanId): Promise<Array<PlanTarget>>;
    /**
     * The institution of the person signed in, which runs the workshops prepared here; `null`
     * while nobody is signed in (the person chooses).
     */
    getOwnInstitution(): Promise<InstitutionRef | null>;
    /**
     * Prepares a workshop of the plan run by an institution; `validation` with each problem by
     * its field (a keeping day at most two years after the workshop's).
     */
    createWorkshop(planId: PlanId, institutionId: InstitutionId, input: WorkshopInput): Promise<Workshop>;
    /** Changes a workshop's preparation (not the institution that runs it). */
    updateWorkshop(workshopId: WorkshopId, input: WorkshopInput): Promise<Workshop>;
    /**
     * Deletes a workshop with its participants and contributions; `inUse` once a contribution
     * fed the plan.
     */
    deleteWorkshop(workshopId: WorkshopId): Promise<null>;
    /**
     * Takes a participant in the room, with the workshop's information text as they accepted it
     * today; nothing is recorded without their agreement (`validation` on `consentAccepted`), and
     * an address only when they accepted to be contacted (what for is worded in the interface's
     * language).
     */
    addParticipant(workshopId: WorkshopId, input: ParticipantInput): Promise<ParticipantView>;
    /**
     * Records a proposal, a comment or a priority vote of a participant of the workshop (`null`:
     * the facilitator's).
     */
    addContribution(workshopId: WorkshopId, participantId: ParticipantId | null, input: ContributionInput): Promise<Contribution>;
    /**
     * Says what became of a contribution (kept, merged, not kept and why, or to examine) and
     * the commitments and milestones it fed.
     */
    traceContribution(contributionId: ContributionId, input: TraceInput): Promise<Contribution>;
    /**
     * Deletes a contribution typed by mistake; resolves to the deletion, to undo it. `inUse`
     * for a proposal someone voted for.
     */
    deleteContribution(contributionId: ContributionId): Promise<DeletionId>;
    /**
     * The workshop contributions a commitment came from (those that fed it or one of its
     * milestones), by workshop date.
     */
    listCommitmentContributions(commitmentId: CommitmentId): Promise<Array<TracedContribution>>;
    /**
     * Gives a participant back what this laptop holds about them (who they are, what they
     * accepted, their workshop, their contributions) as a JSON file; the backend asks where,
     * proposing « Données de <name> — <the workshop's title>.json ». Resolves to where it wrote,
     * or `null` when the person cancels; `notFound` where their identity is not held (another
     * institution's laptop, or erased).
     */
    exportParticipantData(participantId: ParticipantId): Promise<string | null>;
    /**
     * Erases who a participant is, at their request, for good: their name or pseudonym, what
     * they accepted and their address go from this laptop and, with the next sync, from the
     * server and every laptop of the institution. The participant stays counted, anonymous,
     * with their contributions. `notFound` where their identity is not held.
     */
    eraseParticipant(participantId: ParticipantId): Promise<null>;
    /**
     * Writes a workshop's report as a printable page (`html`: participants counted by kind,
     * never named) or its data (`json`, `csv`: the plan's formats filtered to the workshop)
     * where the person chooses, proposing « Atelier — <its title> — <the day>.html »; resolves
     * to where it wrote, or `null` when the person cancels. `notFound` for `xlsx`: a workshop
     * has no workbook.
     */
    exportWorkshop(workshopId: WorkshopId, format: ExportFormat): Promise<string | null>;
    /**
     * Writes a jury session's ranking as a printable document with its rule (`html`) or as a
     * CSV file (`csv`, described by `jury-ranking.tableschema.json`), naming no juror; the
     * backend asks where, proposing « Classement — <the cohort> — <its day> ». Resolves to
     * where it wrote, or `null` when the person cancels; `validation` for another format.
     */
    exportJuryRanking(sessionId: JurySessionId, format: ExportFormat): Promise<string | null>;
    /**
     * The plan's citizen jury sessions this laptop holds (only the institution that runs one
     * holds it), the latest first, each with its jurors, applications and sheets counted.
     */
    listJurySessions(planId: PlanId): Promise<Array<JurySessionSummary>>;
    /**
     * Everything a session's screen shows: its jurors with how many sheets each handed in, its
     * applications, every sheet, the ranking by the rule `JuryLabels.rule` words, and why it
     * is read-only if it is. `notFound` where the session is not held.
     */
    getJurySession(sessionId: JurySessionId): Promise<JuryDetail>;
    /**
     * Opens a jury session of the plan run by an institution; `validation` with each problem by
     * its field (from 1 to 10 places).
     */
    createJurySession(planId: PlanId, institutionId: InstitutionId, input: JurySessionInput): Promise<JurySession>;
    /** Changes a session's cohort, day or places (not the institution that runs it). */
    updateJurySession(sessionId: JurySessionId, input: JurySessionInput): Promise<JurySession>;
    /** Deletes a session with its jurors, applications and sheets. */
    deleteJurySession(sessionId: JurySessionId): Promise<null>;
    /**
     * Adds a juror by the name or pseudonym they chose; `validation` on `name` for the
     * sixteenth, or a name the session has already.
     */
    addJuror(sessionId: JurySessionId, input: JurorInput): Promise<Juror>;
    renameJuror(jurorId: JurorId, input: JurorInput): Promise<Juror>;
    /** Removes a juror and the sheets they handed in. */
    removeJuror(jurorId: JurorId): Promise<null>;
    /** Adds an application typed by hand; `validation` with each problem by its field. */
    addJuryApplication(sessionId: JurySessionId, input: JuryApplicationInput): Promise<JuryApplication>;
    updateJuryApplication(applicationId: JuryApplicationId, input: JuryApplicationInput): Promise<JuryApplication>;
    /** Deletes an application and the sheets that score it. */
    deleteJuryApplication(applicationId: JuryApplicationId): Promise<null>;
    /**
     * Reads the call's CSV file the person picks (the backend asks for it) for a session and
     * says how many applications it holds, or every problem with its row and column; writes
     * nothing. Resolves to `null` when they cancel.
     */
    readJuryApplications(sessionId: JurySessionId): Promise<JuryApplicationsPreview | null>;
    /**
     * Imports the file read for the session, all or nothing: a row whose reference the session
     * has already is left as it is (`alreadyThere`). `notFound` when no file was read for it.
     */
    importJuryApplications(sessionId: JurySessionId): Promise<JuryApplicationsImported>;
    /**
     * Hands in a juror's sheet for an application: five scores from 0 to 5, or an abstention
     * for a declared conflict of interest with its reason. A second sheet of the same juror for
     * the same application corrects the first. `validation` with each problem by its field.
     */
    handInScoreSheet(input: ScoreSheetInput): Promise<ScoreSheet>;
    /** Withdraws a juror's sheet for an application (typed for the wrong juror). */
    withdrawScoreSheet(jurorId: JurorId, applicationId: JuryApplicationId): Promise<null>;
    /**
     * Writes an exchange file (`.planouvert`) to carry to another computer without a network:
     * a workshop with the plan it is about, or every change of this laptop not yet sent, with
     * those changes for the other computer to relay to the server. Who the participants are goes
     * in only with `personalData` (to keep within the institution that ran the workshop). The
     * backend asks where, proposing « Échange — <the workshop's title> — <its day>.planouvert »;
     * resolves to where it wrote and what the file holds, or `null` when the person cancels.
     */
    writeExchange(scope: ExchangeScope, personalData: boolean): Promise<ExchangeSaved | null>;
    /**
     * Imports an exchange file the person picks (the backend asks for it), all or nothing:
     * records this laptop lacks are added, the other computer's changes taken in as a sync
     * would and relayed to the server on the next sync; the same file again changes nothing
     * (`already`). Resolves to what it brought, or `null` when the person cancels;
     * `validation`, with the reason, for a file cut short or changed, written on this very
     * computer, or holding who took part in another institution's workshop.
     */
    importExchange(): Promise<ExchangeImported | null>;
    /**
     * Opens a workshop, or a jury session, to the other laptops of the room, over its local
     * network, without internet: resolves to this laptop's address with the room's port and a
     * six-digit code, to show them in large type. One room at a time: a room open before is
     * closed.
     */
    openRoom(subject: RoomSubject): Promise<RoomView>;
    /** Closes the room open on this laptop; the others keep their work. */
    closeRoom(): Promise<null>;
    /** The room open on this laptop, if any. */
    getRoom(): Promise<RoomView | null>;
    /**
     * Joins another laptop's room with the address and code it shows (`subject`: the workshop
     * or jury session, `null` when this laptop does not have it yet): one exchange now, then one
     * every 3 seconds until `leave_room`. `validation`, with the reason on `address` or `code`,
     * when the room does not answer or the code is not its own.
     */
    joinRoom(subject: RoomSubject | null, address: string, code: string): Promise<RoomJoin>;
    /** Stops exchanging with the room joined; this laptop keeps everything. */
    leaveRoom(): Promise<null>;
    /** Where the link with the room joined stands (last exchange, or why the last one failed). */
    getRoomLink(): Promise<RoomLinkView | null>;
    listInstitutions(): Promise<Array<Institution>>;
    createInstitution(input: InstitutionInput): Promise<Institution>;
    updateInstitution(institutionId: InstitutionId, input: InstitutionInput): Promise<Institution>;
    /** Refused with `inUse` while a commitment or milestone refers to it. */
    deleteInstitution(institutionId: InstitutionId): Promise<null>;
    /** What the status bar shows: connection, pending changes, conflicts, refusals, last sync. */
    getSyncStatus(): Promise<SyncStatus>;
    getSyncSettings(): Promise<SyncSettings>;
    /**
     * Checks the address and token against the server at once (`validation` failure on the
     * `serverUrl` or `token` field, in the interface's language), then keeps them and syncs.
     */
    connectSync(input: SyncConnectInput): Promise<SyncSettings>;
    /** Forgets the token; local data and changes not yet sent stay. */
    disconnectSync(): Promise<null>;
    /** One exchange with the server now; resolves when it is over, with the resulting status. */
    syncNow(): Promise<SyncStatus>;
    /** Pauses a long reception (a first sync): what arrived is kept; `sync_now` resumes it. */
    pauseSync(): Promise<SyncStatus>;
    listConflicts(): Promise<Array<ConflictView>>;
    /** The choice becomes a new change, sent to everyone; `validation` if the text is refused. */
    resolveConflict(conflictId: ConflictId, choice: ConflictChoice): Promise<null>;
    listRejections(): Promise<Array<RejectionView>>;
    discardRejection(rejectionId: RejectionId): Promise<null>;
    /**
     * Reads a file of the OGP commitment database the person picks (the backend asks for it)
     * and says what it holds — countries, plans, commitments, warnings — writing nothing;
     * resolves to `null` when they cancel. A file that cannot be read is refused (`validation`,
     * the message lists each problem with its row).
     */
    readOgpCsv(): Promise<ImportPreview | null>;
    /**
     * What importing these plans of the file read would write, and how many changes it would
     * send to the server; nothing is written.
     */
    previewOgpImport(plans: Array<PlanId>): Promise<ImportSummary>;
    /**
     * Imports these plans of the file read, all or nothing: the own country's are queued for
     * the server, other countries' kept on this laptop as a read-only reference library.
     * Importing the same plans again changes nothing.
     */
    importOgpPlans(plans: Array<PlanId>): Promise<ImportSummary>;
    /** How many changes sharing a plan of the reference library would send to the server. */
    previewShareLibraryPlan(planId: PlanId): Promise<number>;
    /**
     * Shares a plan of the reference library with the server: it and everything in it are
     * queued as creations; resolves to the number of changes queued.
     */
    shareLibraryPlan(planId: PlanId): Promise<number>;
    /** The imports that can be undone, the latest first. */
    listImports(): Promise<Array<ImportRecord>>;
    /** What undoing an import would do; nothing is changed. */
    previewUndoImport(importId: ImportId): Promise<UndoImportSummary>;
    /**
     * Undoes an import as a whole; refused, with nothing changed, while records it wrote were
     * changed since.
     */
    undoImport(importId: ImportId): Promise<UndoImportSummary>;
    /**
     * Exports a plan: the backend asks where (a folder for CSV); resolves to where it wrote, or
     * `null` when the person cancels.
     */
    exportPlan(planId: PlanId, format: ExportFormat): Promise<string | null>;
    /**
     * Makes the plan's self-assessment report (mid-term or end-of-term) as of a day (`asOf`,
     * `YYYY-MM-DD`: only the progress reports dated on or before it count) and asks where to save
     * it, proposing « Autoévaluation mi-parcours — <the plan's title> — <the day>.html »; resolves
     * to where it wrote, or `null` when the person cancels. `validation` on `asOf` when it is not
     * a date or is after today.
     */
    exportSelfAssessment(planId: PlanId, term: SelfAssessmentTerm, asOf: string): Promise<string | null>;
    /**
     * The institutions that carry at least one commitment of the plan, by name: those a
     * progress workbook can be made for.
     */
    listLeadInstitutions(planId: PlanId): Promise<Array<InstitutionRef>>;
    /**
     * Makes the plan's progress workbook (`.xlsx`) for an institution (`null`: every one): a
     * row per milestone of the commitments it carries and one per commitment, where each stands,
     * and the columns to fill in. The backend asks where to save it (proposing « Suivi — <the
     * institution> — <the day>.xlsx »); resolves to where it wrote, or `null` when the person
     * cancels.
     */
    exportProgressWorkbook(planId: PlanId, institutionId: InstitutionId | null): Promise<string | null>;
    /**
     * Reads a filled progress workbook the person picks (the backend asks for it) and says what
     * importing it would write, or every problem with its row and column; writes nothing.
     * Resolves to `null` when they cancel.
     */
    readProgressWorkbook(): Promise<ProgressWorkbookPreview | null>;
    /**
     * Imports the workbook read, all or nothing: each filled row becomes a progress report
     * signed by the person (on the institution's behalf for the coordination), in one
     * transaction. A row already imported is skipped, so importing the same workbook again
     * writes nothing. `validation` when something changed since it was read and a row no longer
     * fits (nothing is written: read it again).
     */
    importProgressWorkbook(): Promise<ProgressWorkbookSummary>;
    /**
     * The sync status changed (connection, pending changes, conflicts, refusals, last sync, or
     * data received: `revision` went up).
     */
    onSyncStatus(listener: (payload: SyncStatus) => void): Promise<() => void>;
    /** How far a running import got. */
    onImportProgress(listener: (payload: ImportProgress) => void): Promise<() => void>;
    /**
     * A laptop exchanged with the room open here: the room as it stands now (how many laptops
     * exchanged lately, when the last did).
     */
    onRoomExchange(listener: (payload: RoomView) => void): Promise<() => void>;
}

/** The backend over a transport: each method is its command, by name. */
export function backendOver(transport: Transport): Backend {
    return {
        getLocale: () => transport.call("get_locale", {}) as Promise<Locale>,
        setLocale: (locale) => transport.call("set_locale", { locale }) as Promise<null>,
        listPlans: () => transport.call("list_plans", {}) as Promise<Array<Plan>>,
        createPlan: (input) => transport.call("create_plan", { input }) as Promise<Plan>,
        updatePlan: (planId, input) => transport.call("update_plan", { planId, input }) as Promise<Plan>,
        loadDemoPlan: () => transport.call("load_demo_plan", {}) as Promise<Plan>,
        planOverview: (planId, filter) => transport.call("plan_overview", { planId, filter }) as Promise<PlanOverview>,
        searchPlan: (planId, query) => transport.call("search_plan", { planId, query }) as Promise<PlanSearch>,
        createArea: (planId, input) => transport.call("create_area", { planId, input }) as Promise<Area>,
        updateArea: (areaId, input) => transport.call("update_area", { areaId, input }) as Promise<Area>,
        deleteArea: (areaId) => transport.call("delete_area", { areaId }) as Promise<DeletionId>,
        createCommitment: (areaId, title) => transport.call("create_commitment", { areaId, title }) as Promise<Commitment>,
        getStructureAccess: () => transport.call("get_structure_access", {}) as Promise<ReadOnly | null>,
        getCommitment: (commitmentId) => transport.call("get_commitment", { commitmentId }) as Promise<CommitmentDetail>,
        getCommitmentSyncState: (commitmentId) => transport.call("get_commitment_sync_state", { commitmentId }) as Promise<RecordSyncState>,
        editCommitment: (commitmentId, edit) => transport.call("edit_commitment", { commitmentId, edit }) as Promise<Commitment>,
        deleteCommitment: (commitmentId) => transport.call("delete_commitment", { commitmentId }) as Promise<DeletionId>,
        createMilestone: (commitmentId, input) => transport.call("create_milestone", { commitmentId, input }) as Promise<Milestone>,
        editMilestone: (milestoneId, edit) => transport.call("edit_milestone", { milestoneId, edit }) as Promise<Milestone>,
        moveMilestone: (milestoneId, position) => transport.call("move_milestone", { milestoneId, position }) as Promise<Array<Milestone>>,
        deleteMilestone: (milestoneId) => transport.call("delete_milestone", { milestoneId }) as Promise<DeletionId>,
        restoreDeletion: (deletionId) => transport.call("restore_deletion", { deletionId }) as Promise<string>,
        getCommitmentProgress: (commitmentId) => transport.call("get_commitment_progress", { commitmentId }) as Promise<CommitmentProgress>,
        reportProgress: (input) => transport.call("report_progress", { input }) as Promise<Report>,
        attachEvidenceFile: () => transport.call("attach_evidence_file", {}) as Promise<EvidenceFile | null>,
        openEvidenceFile: (file) => transport.call("open_evidence_file", { file }) as Promise<null>,
        getPlanDashboard: (planId) => transport.call("get_plan_dashboard", { planId }) as Promise<PlanDashboard>,
        getTodo: () => transport.call("get_todo", {}) as Promise<TodoList>,
        getNotificationsEnabled: () => transport.call("get_notifications_enabled", {}) as Promise<boolean>,
        setNotificationsEnabled: (enabled) => transport.call("set_notifications_enabled", { enabled }) as Promise<null>,
        saveChartImage: (planId, chart, png) => transport.call("save_chart_image", { planId, chart, png }) as Promise<string | null>,
        listRounds: (planId) => transport.call("list_rounds", { planId }) as Promise<Array<Round>>,
        createRound: (planId, input) => transport.call("create_round", { planId, input }) as Promise<Round>,
        updateRound: (roundId, input) => transport.call("update_round", { roundId, input }) as Promise<Round>,
        deleteRound: (roundId) => transport.call("delete_round", { roundId }) as Promise<DeletionId>,
        getRoundProgress: (roundId) => transport.call("get_round_progress", { roundId }) as Promise<RoundProgress>,
        exportRoundContacts: (roundId) => transport.call("export_round_contacts", { roundId }) as Promise<string | null>,
        listWorkshops: (planId) => transport.call("list_workshops", { planId }) as Promise<Array<WorkshopSummary>>,
        getWorkshop: (workshopId) => transport.call("get_workshop", { workshopId }) as Promise<WorkshopDetail>,
        listPlanTargets: (planId) => transport.call("list_plan_targets", { planId }) as Promise<Array<PlanTarget>>,
        getOwnInstitution: () => transport.call("get_own_institution", {}) as Promise<InstitutionRef | null>,
        createWorkshop: (planId, institutionId, input) => transport.call("create_workshop", { planId, institutionId, input }) as Promise<Workshop>,
        updateWorkshop: (workshopId, input) => transport.call("update_workshop", { workshopId, input }) as Promise<Workshop>,
        deleteWorkshop: (workshopId) => transport.call("delete_workshop", { workshopId }) as Promise<null>,
        addParticipant: (workshopId, input) => transport.call("add_participant", { workshopId, input }) as Promise<ParticipantView>,
        addContribution: (workshopId, participantId, input) => transport.call("add_contribution", { workshopId, participantId, input }) as Promise<Contribution>,
        traceContribution: (contributionId, input) => transport.call("trace_contribution", { contributionId, input }) as Promise<Contribution>,
        deleteContribution: (contributionId) => transport.call("delete_contribution", { contributionId }) as Promise<DeletionId>,
        listCommitmentContributions: (commitmentId) => transport.call("list_commitment_contributions", { commitmentId }) as Promise<Array<TracedContribution>>,
        exportParticipantData: (participantId) => transport.call("export_participant_data", { participantId }) as Promise<string | null>,
        eraseParticipant: (participantId) => transport.call("erase_participant", { participantId }) as Promise<null>,
        exportWorkshop: (workshopId, format) => transport.call("export_workshop", { workshopId, format }) as Promise<string | null>,
        exportJuryRanking: (sessionId, format) => transport.call("export_jury_ranking", { sessionId, format }) as Promise<string | null>,
        listJurySessions: (planId) => transport.call("list_jury_sessions", { planId }) as Promise<Array<JurySessionSummary>>,
        getJurySession: (sessionId) => transport.call("get_jury_session", { sessionId }) as Promise<JuryDetail>,
        createJurySession: (planId, institutionId, input) => transport.call("create_jury_session", { planId, institutionId, input }) as Promise<JurySession>,
        updateJurySession: (sessionId, input) => transport.call("update_jury_session", { sessionId, input }) as Promise<JurySession>,
        deleteJurySession: (sessionId) => transport.call("delete_jury_session", { sessionId }) as Promise<null>,
        addJuror: (sessionId, input) => transport.call("add_juror", { sessionId, input }) as Promise<Juror>,
        renameJuror: (jurorId, input) => transport.call("rename_juror", { jurorId, input }) as Promise<Juror>,
        removeJuror: (jurorId) => transport.call("remove_juror", { jurorId }) as Promise<null>,
        addJuryApplication: (sessionId, input) => transport.call("add_jury_application", { sessionId, input }) as Promise<JuryApplication>,
        updateJuryApplication: (applicationId, input) => transport.call("update_jury_application", { applicationId, input }) as Promise<JuryApplication>,
        deleteJuryApplication: (applicationId) => transport.call("delete_jury_application", { applicationId }) as Promise<null>,
        readJuryApplications: (sessionId) => transport.call("read_jury_applications", { sessionId }) as Promise<JuryApplicationsPreview | null>,
        importJuryApplications: (sessionId) => transport.call("import_jury_applications", { sessionId }) as Promise<JuryApplicationsImported>,
        handInScoreSheet: (input) => transport.call("hand_in_score_sheet", { input }) as Promise<ScoreSheet>,
        withdrawScoreSheet: (jurorId, applicationId) => transport.call("withdraw_score_sheet", { jurorId, applicationId }) as Promise<null>,
        writeExchange: (scope, personalData) => transport.call("write_exchange", { scope, personalData }) as Promise<ExchangeSaved | null>,
        importExchange: () => transport.call("import_exchange", {}) as Promise<ExchangeImported | null>,
        openRoom: (subject) => transport.call("open_room", { subject }) as Promise<RoomView>,
        closeRoom: () => transport.call("close_room", {}) as Promise<null>,
        getRoom: () => transport.call("get_room", {}) as Promise<RoomView | null>,
        joinRoom: (subject, address, code) => transport.call("join_room", { subject, address, code }) as Promise<RoomJoin>,
        leaveRoom: () => transport.call("leave_room", {}) as Promise<null>,
        getRoomLink: () => transport.call("get_room_link", {}) as Promise<RoomLinkView | null>,
        listInstitutions: () => transport.call("list_institutions", {}) as Promise<Array<Institution>>,
        createInstitution: (input) => transport.call("create_institution", { input }) as Promise<Institution>,
        updateInstitution: (institutionId, input) => transport.call("update_institution", { institutionId, input }) as Promise<Institution>,
        deleteInstitution: (institutionId) => transport.call("delete_institution", { institutionId }) as Promise<null>,
        getSyncStatus: () => transport.call("get_sync_status", {}) as Promise<SyncStatus>,
        getSyncSettings: () => transport.call("get_sync_settings", {}) as Promise<SyncSettings>,
        connectSync: (input) => transport.call("connect_sync", { input }) as Promise<SyncSettings>,
        disconnectSync: () => transport.call("disconnect_sync", {}) as Promise<null>,
        syncNow: () => transport.call("sync_now", {}) as Promise<SyncStatus>,
        pauseSync: () => transport.call("pause_sync", {}) as Promise<SyncStatus>,
        listConflicts: () => transport.call("list_conflicts", {}) as Promise<Array<ConflictView>>,
        resolveConflict: (conflictId, choice) => transport.call("resolve_conflict", { conflictId, choice }) as Promise<null>,
        listRejections: () => transport.call("list_rejections", {}) as Promise<Array<RejectionView>>,
        discardRejection: (rejectionId) => transport.call("discard_rejection", { rejectionId }) as Promise<null>,
        readOgpCsv: () => transport.call("read_ogp_csv", {}) as Promise<ImportPreview | null>,
        previewOgpImport: (plans) => transport.call("preview_ogp_import", { plans }) as Promise<ImportSummary>,
        importOgpPlans: (plans) => transport.call("import_ogp_plans", { plans }) as Promise<ImportSummary>,
        previewShareLibraryPlan: (planId) => transport.call("preview_share_library_plan", { planId }) as Promise<number>,
        shareLibraryPlan: (planId) => transport.call("share_library_plan", { planId }) as Promise<number>,
        listImports: () => transport.call("list_imports", {}) as Promise<Array<ImportRecord>>,
        previewUndoImport: (importId) => transport.call("preview_undo_import", { importId }) as Promise<UndoImportSummary>,
        undoImport: (importId) => transport.call("undo_import", { importId }) as Promise<UndoImportSummary>,
        exportPlan: (planId, format) => transport.call("export_plan", { planId, format }) as Promise<string | null>,
        exportSelfAssessment: (planId, term, asOf) => transport.call("export_self_assessment", { planId, term, asOf }) as Promise<string | null>,
        listLeadInstitutions: (planId) => transport.call("list_lead_institutions", { planId }) as Promise<Array<InstitutionRef>>,
        exportProgressWorkbook: (planId, institutionId) => transport.call("export_progress_workbook", { planId, institutionId }) as Promise<string | null>,
        readProgressWorkbook: () => transport.call("read_progress_workbook", {}) as Promise<ProgressWorkbookPreview | null>,
        importProgressWorkbook: () => transport.call("import_progress_workbook", {}) as Promise<ProgressWorkbookSummary>,
        onSyncStatus: listener => transport.listen("sync-status", payload => listener(payload as SyncStatus)),
        onImportProgress: listener => transport.listen("import-progress", payload => listener(payload as ImportProgress)),
        onRoomExchange: listener => transport.listen("room-exchange", payload => listener(payload as RoomView))
    };
}

/** Every command's name, as the backend receives it. */
export const COMMANDS = [
    "get_locale",
    "set_locale",
    "list_plans",
    "create_plan",
    "update_plan",
    "load_demo_plan",
    "plan_overview",
    "search_plan",
    "create_area",
    "update_area",
    "delete_area",
    "create_commitment",
    "get_structure_access",
    "get_commitment",
    "get_commitment_sync_state",
    "edit_commitment",
    "delete_commitment",
    "create_milestone",
    "edit_milestone",
    "move_milestone",
    "delete_milestone",
    "restore_deletion",
    "get_commitment_progress",
    "report_progress",
    "attach_evidence_file",
    "open_evidence_file",
    "get_plan_dashboard",
    "get_todo",
    "get_notifications_enabled",
    "set_notifications_enabled",
    "save_chart_image",
    "list_rounds",
    "create_round",
    "update_round",
    "delete_round",
    "get_round_progress",
    "export_round_contacts",
    "list_workshops",
    "get_workshop",
    "list_plan_targets",
    "get_own_institution",
    "create_workshop",
    "update_workshop",
    "delete_workshop",
    "add_participant",
    "add_contribution",
    "trace_contribution",
    "delete_contribution",
    "list_commitment_contributions",
    "export_participant_data",
    "erase_participant",
    "export_workshop",
    "export_jury_ranking",
    "list_jury_sessions",
    "get_jury_session",
    "create_jury_session",
    "update_jury_session",
    "delete_jury_session",
    "add_juror",
    "rename_juror",
    "remove_juror",
    "add_jury_application",
    "update_jury_application",
    "delete_jury_application",
    "read_jury_applications",
    "import_jury_applications",
    "hand_in_score_sheet",
    "withdraw_score_sheet",
    "write_exchange",
    "import_exchange",
    "open_room",
    "close_room",
    "get_room",
    "join_room",
    "leave_room",
    "get_room_link",
    "list_institutions",
    "create_institution",
    "update_institution",
    "delete_institution",
    "get_sync_status",
    "get_sync_settings",
    "connect_sync",
    "disconnect_sync",
    "sync_now",
    "pause_sync",
    "list_conflicts",
    "resolve_conflict",
    "list_rejections",
    "discard_rejection",
    "read_ogp_csv",
    "preview_ogp_import",
    "import_ogp_plans",
    "preview_share_library_plan",
    "share_library_plan",
    "list_imports",
    "preview_undo_import",
    "undo_import",
    "export_plan",
    "export_self_assessment",
    "list_lead_institutions",
    "export_progress_workbook",
    "read_progress_workbook",
    "import_progress_workbook"
] as const;

/** Every failure code, to recognise a backend's failure. */
export const ERROR_CODES: readonly ErrorCode[] = ["validation", "notFound", "inUse", "storage", "internal"];

/** The longest text each kind of field accepts, in characters (the backend refuses more). */
export const TEXT_LIMITS = { title: 1000, shortText: 200, longText: 50000, email: 254, phone: 30 } as const;

/** Workshops: the days their participants' data is kept by default and at most after the day
 * they were held, and the most proposals a priority vote names (the backend refuses more). */
export const WORKSHOP_LIMITS = { keepDefaultDays: 365, keepMaxDays: 730, voteMax: 3 } as const;

/** The citizen jury: the most jurors a session has, the most projects it selects, the highest
 * score of a criterion (the lowest is 0), and the criteria in the score sheet's order. */
export const JURY_LIMITS = { jurorsMax: 15, selectionMax: 10, scoreMax: 5 } as const;
export const JURY_CRITERIA: readonly JuryCriterion[] = ["generalInterest", "impactForAll", "projectQuality", "openness", "stateSupport"];
