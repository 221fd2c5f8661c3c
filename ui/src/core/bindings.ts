// Generated from the Rust types by crates/domain/tests/bindings.rs. Do not edit by hand:
// UPDATE_BINDINGS=1 cargo test -p plan-ouvert-domain --test bindings

export type Locale = "fr" | "en";

export type PlanId = string;

export type AreaId = string;

export type CommitmentId = string;

export type MilestoneId = string;

export type InstitutionId = string;

export type ReportId = string;

export type RoundId = string;

export type WorkshopId = string;

export type ParticipantId = string;

export type ContributionId = string;

export type ErrorCode = "validation" | "notFound" | "inUse" | "storage" | "internal";

export type FieldError = { field: string, message: string, };

export type Failure = { code: ErrorCode, 
/**
 * A sentence for the person, in French or English.
 */
message: string, 
/**
 * Field by field, for validation failures; empty otherwise.
 */
fields: Array<FieldError>, };

export type Plan = { id: PlanId, 
/**
 * Country or locality (e.g. "France").
 */
country: string, 
/**
 * E.g. "France — Plan d'action national 2021-2023".
 */
title: string, periodStart: string, periodEnd: string, 
/**
 * The built-in demonstration plan, loaded on request.
 */
isDemo: boolean, 
/**
 * A plan of another country kept on this laptop as a reference: read-only, not sent.
 */
library: boolean, 
/**
 * A plan of the OGP database, which gives its years only (stored 1 January to 31 December):
 * its period is shown as years.
 */
periodInYears: boolean, createdAt: string, updatedAt: string, };

export type PlanInput = { country: string, title: string, 
/**
 * `YYYY-MM-DD`.
 */
periodStart: string, 
/**
 * `YYYY-MM-DD`.
 */
periodEnd: string, };

export type AreaKind = "transversal" | "thematic";

export type Area = { id: AreaId, planId: PlanId, kind: AreaKind, title: string, description: string, 
/**
 * Rank of the area within its plan, from 0.
 */
position: number, };

export type AreaInput = { kind: AreaKind, title: string, description: string, };

export type InstitutionKind = "ministry" | "independentAuthority" | "parliament" | "court" | "other";

export type Institution = { id: InstitutionId, 
/**
 * Full name, unique (e.g. "Haute Autorité pour la transparence de la vie publique").
 */
name: string, 
/**
 * Usual short name, may be empty (e.g. "HATVP").
 */
acronym: string, kind: InstitutionKind, 
/**
 * The country whose plans it carries (`""`: any country's). An institution imported with a
 * country's plans is offered only for that country's plans.
 */
country: string, };

export type InstitutionInput = { name: string, acronym: string, kind: InstitutionKind, };

export type InstitutionRef = { id: InstitutionId, name: string, acronym: string, };

export type Commitment = { id: CommitmentId, planId: PlanId, areaId: AreaId, 
/**
 * Rank within its engagement area, from 0.
 */
position: number, title: string, briefDescription: string, 
/**
 * Problem definition: what problem the commitment addresses.
 */
problem: string, 
/**
 * Problem definition: its causes.
 */
causes: string, 
/**
 * Commitment description: what has been done so far.
 */
doneSoFar: string, 
/**
 * Commitment description: the proposed solution.
 */
solution: string, 
/**
 * Commitment description: the results expected.
 */
expectedResults: string, 
/**
 * Analysis: how it promotes transparency.
 */
transparency: string, 
/**
 * Analysis: how it fosters accountability.
 */
accountability: string, 
/**
 * Analysis: how it improves citizen participation.
 */
participation: string, leadInstitutionId: InstitutionId | null, 
/**
 * Supporting state actors.
 */
supportingInstitutionIds: Array<InstitutionId>, 
/**
 * Supporting civil society, private sector and other actors.
 */
otherSupporters: string, startDate: string | null, endDate: string | null, accessToInformation: boolean, civicParticipation: boolean, publicAccountability: boolean, technologyInnovation: boolean, contactName: string, contactTitle: string, contactDepartment: string, contactEmail: string, contactPhone: string, 
/**
 * How much it counts among its area's and its plan's commitments in the roll-up of
 * progress (1: equal).
 */
weight: number, createdAt: string, updatedAt: string, };

export type CommitmentEdit = { "field": "title", "value": string } | { "field": "briefDescription", "value": string } | { "field": "problem", "value": string } | { "field": "causes", "value": string } | { "field": "doneSoFar", "value": string } | { "field": "solution", "value": string } | { "field": "expectedResults", "value": string } | { "field": "transparency", "value": string } | { "field": "accountability", "value": string } | { "field": "participation", "value": string } | { "field": "areaId", "value": AreaId } | { "field": "leadInstitutionId", "value": InstitutionId | null } | { "field": "supportingInstitutionIds", "value": Array<InstitutionId> } | { "field": "otherSupporters", "value": string } | { "field": "startDate", "value": string } | { "field": "endDate", "value": string } | { "field": "accessToInformation", "value": boolean } | { "field": "civicParticipation", "value": boolean } | { "field": "publicAccountability", "value": boolean } | { "field": "technologyInnovation", "value": boolean } | { "field": "contactName", "value": string } | { "field": "contactTitle", "value": string } | { "field": "contactDepartment", "value": string } | { "field": "contactEmail", "value": string } | { "field": "contactPhone", "value": string } | { "field": "weight", "value": number };

export type Milestone = { id: MilestoneId, commitmentId: CommitmentId, 
/**
 * Rank within its commitment, from 0.
 */
position: number, 
/**
 * The verifiable deliverable.
 */
title: string, expectedOutputs: string, startDate: string | null, 
/**
 * Expected completion date.
 */
dueDate: string | null, leadInstitutionId: InstitutionId | null, 
/**
 * How much it counts among its commitment's milestones in the roll-up of progress (1: equal).
 */
weight: number, createdAt: string, updatedAt: string, };

export type MilestoneInput = { title: string, expectedOutputs: string, 
/**
 * `YYYY-MM-DD`, or empty.
 */
startDate: string, 
/**
 * `YYYY-MM-DD`, or empty.
 */
dueDate: string, leadInstitutionId: InstitutionId | null, };

export type MilestoneEdit = { "field": "title", "value": string } | { "field": "expectedOutputs", "value": string } | { "field": "startDate", "value": string } | { "field": "dueDate", "value": string } | { "field": "leadInstitutionId", "value": InstitutionId | null } | { "field": "weight", "value": number };

export type OverviewFilter = { 
/**
 * Words to look for, case- and accent-insensitive ("ecologique" finds "écologique"); the
 * last word may be a prefix. Empty: no text filter.
 */
query: string, 
/**
 * Only commitments this institution leads or supports.
 */
institutionId: InstitutionId | null, };

export type CommitmentSummary = { id: CommitmentId, areaId: AreaId, 
/**
 * Its number in the plan (`2.3`, see [`crate::numbering`]), whatever the filters.
 */
number: string, title: string, leadInstitution: InstitutionRef | null, milestoneCount: number, 
/**
 * Template fields filled…
 */
filledFields: number, 
/**
 * …out of this many.
 */
totalFields: number, 
/**
 * Its share of the work done, as reported ([`crate::progress::commitment_share`]), as a
 * whole percentage; none when withdrawn.
 */
progress: number | null, weight: number, };

export type AreaOverview = { area: Area, 
/**
 * Its number in the plan (`2`, see [`crate::numbering`]).
 */
number: string, commitments: Array<CommitmentSummary>, 
/**
 * Commitments in the area, whatever the filters.
 */
totalCommitments: number, 
/**
 * The weighted mean of its commitments' progress, whatever the filters; none when none
 * counts.
 */
progress: number | null, };

export type PlanOverview = { plan: Plan, 
/**
 * Every area, in order. With filters on, an area whose title matches the query keeps all its
 * commitments; other areas keep only the matching ones and may be empty.
 */
areas: Array<AreaOverview>, commitmentCount: number, milestoneCount: number, 
/**
 * Commitments shown with the current filters.
 */
matchingCount: number, 
/**
 * Whether any filter is on.
 */
filtered: boolean, 
/**
 * The weighted mean of all its commitments' progress; none when none counts.
 */
progress: number | null, 
/**
 * Why the person signed in may not change the plan and its engagement areas, if so.
 */
structureReadOnly: ReadOnly | null, 
/**
 * Why the person signed in may not add commitments, if so.
 */
commitmentsReadOnly: ReadOnly | null, };

export type PlanSearch = { 
/**
 * The commitments found: those whose texts hold every word, and every commitment of an area
 * whose title or description holds them. `None` when what was typed holds no word (no text
 * filter).
 */
found: Found | null, };

export type Found = { "kind": "only", "ids": Array<CommitmentId> } | { "kind": "allBut", "ids": Array<CommitmentId> };

export type ReadOnly = { "kind": "reader" } | { "kind": "otherInstitution", lead: string, } | { "kind": "coordinationOnly" } | { "kind": "library", country: string, };

export type CommitmentDetail = { plan: Plan, area: Area, commitment: Commitment, 
/**
 * The commitment's number in the plan (`2.3`, see [`crate::numbering`]).
 */
number: string, milestones: Array<Milestone>, 
/**
 * Each milestone's number (`2.3.1`), by id.
 */
milestoneNumbers: { [key in MilestoneId]?: string }, 
/**
 * Every area of the plan, to move the commitment.
 */
areas: Array<Area>, 
/**
 * The institutions to choose lead and supporting ones from: those of the plan's country or
 * of none, and those the commitment and its milestones already name.
 */
institutions: Array<Institution>, 
/**
 * Where the commitment comes from, when imported from the OGP commitment database.
 */
origin: CommitmentOrigin | null, 
/**
 * Why the person signed in may not change this commitment and its milestones, if so.
 */
readOnly: ReadOnly | null, };

export type SyncConnection = "notConfigured" | "online" | "offline" | "unauthorized";

export type SyncStatus = { connection: SyncConnection, 
/**
 * An exchange with the server is under way.
 */
syncing: boolean, 
/**
 * Local changes not yet acknowledged by the server.
 */
pending: number, 
/**
 * Conflicts waiting for a person's choice.
 */
conflicts: number, 
/**
 * Changes the server refused, kept until the person discards them.
 */
rejections: number, 
/**
 * Other computers' changes taken in from exchange files, which this laptop sends to the
 * server on its next sync.
 */
relay: number, 
/**
 * When the last exchange with the server fully succeeded.
 */
lastSuccess: string | null, 
/**
 * Why the last attempt failed, in the interface's language.
 */
lastError: string | null, serverUrl: string | null, 
/**
 * Goes up by one each time changes received from the server were written locally, so that
 * open screens know to read again.
 */
revision: number, 
/**
 * A long reception under way (a first sync): how far it stands.
 */
receiving: SyncProgress | null, 
/**
 * The person interrupted a long reception: no exchange starts until they ask for one. What
 * arrived is kept, and the reception resumes from there.
 */
paused: boolean, };

export type SyncProgress = { 
/**
 * Records received so far.
 */
received: number, 
/**
 * How many the reception brings in all, when the server said.
 */
total: number | null, 
/**
 * At the pace so far, about how many seconds are left.
 */
secondsLeft: number | null, };

export type RecordSyncState = { 
/**
 * Changes saved on this computer, not yet taken by the server.
 */
pending: number, 
/**
 * Changes the server refused, kept until the person discards them.
 */
refused: number, };

export type SyncRole = "drafter" | "coordinator" | "reader";

export type SyncAccount = { name: string, institutionName: string, role: SyncRole, };

export type TokenStorage = "keyring" | "file";

export type SyncSettings = { serverUrl: string | null, account: SyncAccount | null, tokenStorage: TokenStorage | null, };

export type SyncConnectInput = { serverUrl: string, token: string, };

export type SyncRecordKind = "plan" | "area" | "commitment" | "milestone" | "institution" | "report" | "round" | "workshop" | "participant" | "contribution" | "jury";

export type ConflictId = number;

export type RejectionId = number;

export type ConflictView = { id: number, recordKind: SyncRecordKind, recordId: string, 
/**
 * The commitment to open to see the record in context (the record itself, or a milestone's).
 */
commitmentId: string | null, 
/**
 * The record's title as it is now, to recognise it.
 */
recordTitle: string, 
/**
 * The field's name, as in `CommitmentEdit` / `MilestoneEdit` (e.g. `problem`, `dueDate`).
 */
field: string, 
/**
 * Free text: the person may edit the value rather than pick one side.
 */
editable: boolean, 
/**
 * This person's value.
 */
mine: string, 
/**
 * The value on the server, from someone else.
 */
theirs: string, 
/**
 * For long texts: both versions of each conflicting paragraph, to edit into one.
 */
proposed: string | null, at: string, };

export type ConflictChoice = { "choice": "mine" } | { "choice": "theirs" } | { "choice": "text", value: string, };

export type SyncAction = "create" | "edit" | "delete";

export type RejectionView = { id: number, recordKind: SyncRecordKind, recordId: string, commitmentId: string | null, recordTitle: string, action: SyncAction, 
/**
 * The field changed, for an edit.
 */
field: string | null, 
/**
 * Why the server refused, in the interface's language.
 */
reason: string, 
/**
 * What the change contained, as text the person can copy: the value of an edit; for a
 * creation, the texts the person wrote, in the form's order, separated by blank lines.
 */
text: string, at: string, };

export type Assessed<T> = { "status": "assessed", "value": T } | { "status": "notAssessed" } | { "status": "notRelevant" } | { "status": "notApplicable" } | { "status": "missing" };

export type Specificity = "none" | "low" | "medium" | "high";

export type PotentialImpact = "none" | "minor" | "moderate" | "transformative";

export type Completion = "notStarted" | "limited" | "substantial" | "complete" | "withdrawn" | "unclear";

export type PotentialForResults = "unclear" | "modest" | "substantial";

export type EarlyResults = "noNotableResults" | "moderate" | "significant" | "outstanding";

export type OpenedGovernment = "worsens" | "didNotChange" | "marginal" | "major" | "outstanding" | "noEarlyResultsYet";

export type Assessment = { specificity: Assessed<Specificity>, 
/**
 * Whether the commitment's activities can be verified.
 */
verifiable: Assessed<boolean>, 
/**
 * Relevance to each OGP value.
 */
relevantAccessToInformation: Assessed<boolean>, relevantCivicParticipation: Assessed<boolean>, relevantPublicAccountability: Assessed<boolean>, relevantTechnology: Assessed<boolean>, potentialImpact: Assessed<PotentialImpact>, potentialForResults: Assessed<PotentialForResults>, completionProgressReport: Assessed<Completion>, completionEndOfTerm: Assessed<Completion>, openedGovernment: Assessed<OpenedGovernment>, openedGovernmentAccessToInformation: Assessed<OpenedGovernment>, openedGovernmentCivicParticipation: Assessed<OpenedGovernment>, openedGovernmentPublicAccountability: Assessed<OpenedGovernment>, earlyResults: Assessed<EarlyResults>, 
/**
 * A starred commitment: specific, relevant, transformative and substantially completed.
 */
starred: Assessed<boolean>, };

export type CommitmentOrigin = { 
/**
 * The OGP's identifier (e.g. `FR0001`).
 */
ogpId: string, 
/**
 * The commitment's number in its action plan (e.g. `1.1`).
 */
number: string, shortTitle: string, 
/**
 * The commitment's text as submitted, verbatim.
 */
fullText: string, 
/**
 * A start or end date as written in the source, when it was not a date read with certainty.
 */
startDateSource: string, endDateSource: string, 
/**
 * The OGP's policy-area tags.
 */
policyAreas: Array<string>, 
/**
 * The commitment's page on the OGP's site.
 */
url: string, assessment: Assessment | null, 
/**
 * Every other column of the source row, verbatim.
 */
sourceColumns: { [key in string]?: string }, };

export type ProgressStatus = "notStarted" | "limited" | "substantial" | "complete" | "withdrawn";

export type EvidenceFile = { 
/**
 * The SHA-256 of its bytes, 64 lower-case hexadecimal digits.
 */
sha256: string, 
/**
 * Its name as attached (no folder).
 */
name: string, size: number, mediaType: string, };

export type FileAvailability = "here" | { "arriving": { received: number, } };

export type EvidenceLink = { title: string, url: string, };

export type Report = { id: ReportId, commitmentId: CommitmentId, 
/**
 * The milestone reported on; none for a report on the commitment as a whole.
 */
milestoneId: MilestoneId | null, 
/**
 * The date the report describes (never after the day it was written).
 */
reportedOn: string, status: ProgressStatus, 
/**
 * What was done.
 */
done: string, difficulties: string, nextSteps: string, 
/**
 * On a commitment: the institution's account of its results (the OGP's "early results").
 */
results: string, 
/**
 * On a commitment: did it open government, in the institution's own assessment.
 */
openedGovernment: OpenedGovernment | null, links: Array<EvidenceLink>, 
/**
 * Files given as evidence, named by their content's SHA-256.
 */
files: Array<EvidenceFile>, 
/**
 * The earlier entry this one corrects, which stays readable.
 */
corrects: ReportId | null, 
/**
 * Who signed it: the person (their account on the central plan API) and their name.
 */
authorId: string, authorName: string, 
/**
 * The institution that carries the record, in whose name the report is made.
 */
institutionId: InstitutionId, 
/**
 * Made by the coordination on the carrying institution's behalf.
 */
onBehalf: boolean, 
/**
 * When this laptop stored it (written here, or received), by its clock: never used to
 * order entries.
 */
createdAt: string, };

export type ReportInput = { commitmentId: CommitmentId, milestoneId: MilestoneId | null, 
/**
 * `YYYY-MM-DD`.
 */
reportedOn: string, 
/**
 * Empty when the person chose none.
 */
status: ProgressStatus | null, done: string, difficulties: string, nextSteps: string, results: string, openedGovernment: OpenedGovernment | null, 
/**
 * Links as typed: (title, address).
 */
links: Array<EvidenceLink>, 
/**
 * Files attached (each kept on this laptop by `attach_evidence_file` first).
 */
files: Array<EvidenceFile>, corrects: ReportId | null, };

export type MilestoneProgress = { milestoneId: MilestoneId, weight: number, 
/**
 * Its latest entry's status; none reported yet (which counts as not started).
 */
status: ProgressStatus | null, 
/**
 * Its share of the work done, as a whole percentage; none when withdrawn.
 */
percent: number | null, 
/**
 * Newest first.
 */
reports: Array<Report>, };

export type ReportSignature = { "kind": "signed", authorName: string, institutionName: string, onBehalf: boolean, } | { "kind": "refused", reason: string, };

export type CommitmentProgress = { commitmentId: CommitmentId, weight: number, 
/**
 * The latest status of its own timeline.
 */
status: ProgressStatus | null, 
/**
 * Its share of the work done ([`commitment_share`]), as a whole percentage; none when it
 * does not count (withdrawn).
 */
percent: number | null, 
/**
 * Its own entries, newest first.
 */
reports: Array<Report>, milestones: Array<MilestoneProgress>, signature: ReportSignature, 
/**
 * Where each file the reports name stands on this laptop, by SHA-256 (absent: nothing of it
 * here yet).
 */
files: { [key in string]?: FileAvailability }, };

export type RoundKind = "midTerm" | "endOfTerm" | "other";

export type Round = { id: RoundId, planId: PlanId, kind: RoundKind, title: string, opensOn: string, dueOn: string, 
/**
 * What the coordination asks, in its words.
 */
instructions: string, };

export type RoundInput = { kind: RoundKind, title: string, 
/**
 * `YYYY-MM-DD`.
 */
opensOn: string, 
/**
 * `YYYY-MM-DD`.
 */
dueOn: string, instructions: string, };

export type RoundItemState = "reported" | "late" | "toDo";

export type RoundItem = { commitmentId: CommitmentId, milestoneId: MilestoneId | null, 
/**
 * `2.3` or `2.3.1`, as the app numbers them.
 */
number: string, title: string, state: RoundItemState, };

export type RoundContact = { name: string, email: string, 
/**
 * The commitment's number, for the reminder.
 */
commitmentNumber: string, };

export type RoundInstitution = { institution: InstitutionRef, reported: number, late: number, toDo: number, items: Array<RoundItem>, 
/**
 * The contacts of its commitments with items not reported, each once.
 */
contacts: Array<RoundContact>, };

export type RoundProgress = { round: Round, 
/**
 * Institutions with items late first, then to do, then all reported; by name within.
 */
institutions: Array<RoundInstitution>, 
/**
 * Whether only the person's own institution is shown (a drafter or a reader).
 */
ownOnly: boolean, 
/**
 * Why the person may not change the round, if so.
 */
readOnly: ReadOnly | null, };

export type RoundDue = { round: Round, planTitle: string, late: number, toDo: number, };

export type OrganisationKind = "citizen" | "association" | "company" | "administration" | "electedOfficial";

export type ContributionKind = "proposal" | "comment" | "vote";

export type ContributionOutcome = "kept" | "merged" | "notKept";

export type Workshop = { id: WorkshopId, planId: PlanId, 
/**
 * The institution that runs it, and keeps its participants' data.
 */
institutionId: InstitutionId, title: string, heldOn: string, place: string, 
/**
 * The engagement area discussed, if the workshop is about one.
 */
areaId: AreaId | null, 
/**
 * The draft commitments discussed.
 */
commitmentIds: Array<CommitmentId>, facilitator: string, 
/**
 * What participants read and accept before anything of theirs is recorded.
 */
consentText: string, 
/**
 * The last day participants' data is kept.
 */
keepUntil: string, };

export type WorkshopInput = { title: string, 
/**
 * `YYYY-MM-DD`.
 */
heldOn: string, place: string, areaId: AreaId | null, commitmentIds: Array<CommitmentId>, facilitator: string, consentText: string, 
/**
 * `YYYY-MM-DD`.
 */
keepUntil: string, };

export type Participant = { id: ParticipantId, workshopId: WorkshopId, organisationKind: OrganisationKind, };

export type Identity = { participantId: ParticipantId, 
/**
 * A first name or a pseudonym.
 */
name: string, 
/**
 * The information text as the participant read and accepted it.
 */
consentWording: string, consentedOn: string, 
/**
 * Empty unless the participant accepted to be contacted.
 */
contactEmail: string, 
/**
 * What the participant accepted to be contacted for (empty without an address).
 */
contactPurpose: string, };

export type ParticipantInput = { name: string, organisationKind: OrganisationKind, 
/**
 * The participant read and accepted the workshop's information text.
 */
consentAccepted: boolean, 
/**
 * The participant accepts to be contacted about what becomes of their contributions.
 */
contactAccepted: boolean, 
/**
 * Read only when `contact_accepted`.
 */
contactEmail: string, };

export type Contribution = { id: ContributionId, workshopId: WorkshopId, participantId: ParticipantId | null, kind: ContributionKind, text: string, 
/**
 * What a comment is about: a commitment…
 */
aboutCommitmentId: CommitmentId | null, 
/**
 * …or one of its milestones.
 */
aboutMilestoneId: MilestoneId | null, 
/**
 * The proposals a vote puts first, in order.
 */
proposalIds: Array<ContributionId>, outcome: ContributionOutcome | null, outcomeReason: string, 
/**
 * The commitments this contribution fed.
 */
commitmentIds: Array<CommitmentId>, 
/**
 * The milestones this contribution fed.
 */
milestoneIds: Array<MilestoneId>, };

export type ContributionInput = { kind: ContributionKind, text: string, aboutCommitmentId: CommitmentId | null, aboutMilestoneId: MilestoneId | null, proposalIds: Array<ContributionId>, };

export type TraceInput = { outcome: ContributionOutcome | null, outcomeReason: string, commitmentIds: Array<CommitmentId>, milestoneIds: Array<MilestoneId>, };

export type WorkshopSummary = { workshop: Workshop, institution: InstitutionRef, participants: number, contributions: number, 
/**
 * Contributions whose outcome is said.
 */
decided: number, };

export type TraceTarget = { commitmentId: CommitmentId, milestoneId: MilestoneId | null, 
/**
 * The commitment's title, or the milestone's.
 */
title: string, };

export type PlanTarget = { areaId: AreaId, commitmentId: CommitmentId, 
/**
 * A milestone of the commitment, or none for the commitment itself.
 */
milestoneId: MilestoneId | null, 
/**
 * `2.3` for a commitment, `2.3.1` for a milestone (see [`crate::numbering`]).
 */
number: string, title: string, };

export type ParticipantView = { participant: Participant, identity: Identity | null, contributions: number, };

export type ContributionView = { contribution: Contribution, 
/**
 * The author's first name or pseudonym, on the laptops that hold it.
 */
author: string | null, 
/**
 * Where the author comes from (none: written by the facilitator).
 */
authorKind: OrganisationKind | null, 
/**
 * What a comment is about.
 */
about: TraceTarget | null, 
/**
 * What the contribution fed.
 */
fed: Array<TraceTarget>, 
/**
 * For a proposal: the votes naming it, and those naming it first.
 */
votes: number, firstChoices: number, };

export type KindCount = { kind: OrganisationKind, count: number, };

export type WorkshopDetail = { workshop: Workshop, planTitle: string, institution: InstitutionRef, areaTitle: string | null, 
/**
 * The commitments discussed (those still in the plan).
 */
discussed: Array<TraceTarget>, participants: Array<ParticipantView>, 
/**
 * Participants counted by kind, every kind listed.
 */
byKind: Array<KindCount>, 
/**
 * Proposals first (by votes), then comments, then votes; each in the order they were made.
 */
contributions: Array<ContributionView>, 
/**
 * Whether this laptop may hold who the participants are (the institution's own people).
 */
identitiesHere: boolean, readOnly: ReadOnly | null, };

export type TracedContribution = { contribution: Contribution, workshopId: WorkshopId, workshopTitle: string, heldOn: string, 
/**
 * The milestone of the commitment it fed, when it fed a milestone rather than the whole.
 */
milestoneTitle: string | null, };

export type ParticipantData = { participant: Participant, identity: Identity, workshopTitle: string, heldOn: string, place: string, institution: InstitutionRef, 
/**
 * The day their data is erased at the latest.
 */
keepUntil: string, contributions: Array<Contribution>, };

export type ExchangeScope = { "kind": "workshop", workshopId: WorkshopId, } | { "kind": "jury", sessionId: JurySessionId, } | { "kind": "unsent" };

export type ExchangeWritten = { 
/**
 * The records it carries.
 */
records: number, 
/**
 * This laptop's changes not yet sent that it carries, for another laptop to relay.
 */
changes: number, bytes: number, 
/**
 * Whether it holds who workshop participants are (personal data: to keep within the
 * institution).
 */
personalData: boolean, };

export type ExchangeImported = { 
/**
 * The same file was already imported here: nothing changed.
 */
already: boolean, 
/**
 * Who wrote it (the person, or "another computer").
 */
writer: string, 
/**
 * When, by the writing laptop's clock (shown as such).
 */
writtenAt: string, 
/**
 * The workshop it carries, if it carries one.
 */
workshopTitle: string | null, workshopId: WorkshopId | null, 
/**
 * The jury session it carries, if it carries one, and its cohort.
 */
juryTitle: string | null, jurySessionId: JurySessionId | null, 
/**
 * Records this laptop did not have.
 */
recordsAdded: number, 
/**
 * The other laptop's changes taken in here.
 */
changesApplied: number, 
/**
 * Its changes this laptop will send to the server on its next sync.
 */
changesToRelay: number, };

export type ExchangeSaved = { 
/**
 * Where it was written.
 */
path: string, 
/**
 * What it holds.
 */
written: ExchangeWritten, };

export type RoomSubject = { "kind": "workshop", workshopId: WorkshopId, } | { "kind": "jury", sessionId: JurySessionId, };

export type RoomView = { 
/**
 * This laptop's address on the room's network and the room's port (`192.168.1.20:7878`).
 */
address: string, 
/**
 * The six digits the others type.
 */
code: string, subject: RoomSubject, 
/**
 * How many laptops exchanged with the room in the last `recent_minutes` minutes (each
 * counted once, however often it exchanged).
 */
recentLaptops: number, recentMinutes: number, 
/**
 * When the room last took an exchange in (RFC 3339), if it did.
 */
lastExchangeAt: string | null, };

export type RoomLinkView = { 
/**
 * The room's address, as typed.
 */
address: string, 
/**
 * The workshop or jury session exchanged.
 */
subject: RoomSubject, 
/**
 * When the last exchange succeeded (RFC 3339), if one did.
 */
lastExchangeAt: string | null, 
/**
 * Why the last exchange failed, in the interface's language (`null` when it succeeded).
 */
lastError: string | null, };

export type RoomJoin = { imported: ExchangeImported, link: RoomLinkView, };

export type DueKind = "overdue" | "dueSoon";

export type DueMilestone = { 
/**
 * Names this item for good ([`DueMilestone::key_of`]): the same milestone, due date and kind
 * give the same key on every reading, so whatever shows the list once (a notification)
 * can remember what it showed. It changes when the milestone becomes late or its due date
 * moves: that is news again.
 */
key: string, kind: DueKind, planId: PlanId, planTitle: string, commitmentId: CommitmentId, 
/**
 * The commitment's number in the plan (`2.3`).
 */
commitmentNumber: string, commitmentTitle: string, milestoneId: MilestoneId, 
/**
 * The milestone's number in the plan (`2.3.1`).
 */
milestoneNumber: string, milestoneTitle: string, 
/**
 * The commitment's lead institution, which reports on it; none while it has none.
 */
leadInstitution: InstitutionRef | null, dueDate: string, 
/**
 * Days late (overdue, at least 1) or days left (due soon; 0: today).
 */
days: number, 
/**
 * Its latest report's status; none reported yet.
 */
status: ProgressStatus | null, };

export type AreaProgress = { areaId: AreaId, 
/**
 * Its number in the plan (`2`).
 */
number: string, title: string, commitments: number, 
/**
 * The weighted mean of its commitments' progress, as a whole percentage; none when none
 * counts (no commitment, or all withdrawn).
 */
progress: number | null, };

export type InstitutionProgress = { 
/**
 * None: the commitments that have no lead institution yet.
 */
institution: InstitutionRef | null, commitments: number, 
/**
 * The weighted mean of its commitments' progress (weights of the commitments), as a whole
 * percentage; none when none counts.
 */
progress: number | null, 
/**
 * Milestones of its commitments that are late.
 */
overdue: number, };

export type StatusCount = { 
/**
 * None: no report yet.
 */
status: ProgressStatus | null, milestones: number, };

export type RecentReport = { reportId: ReportId, reportedOn: string, status: ProgressStatus, commitmentId: CommitmentId, commitmentNumber: string, commitmentTitle: string, 
/**
 * The milestone reported on; none for a report on the commitment as a whole.
 */
milestoneId: MilestoneId | null, milestoneNumber: string | null, milestoneTitle: string | null, authorName: string, 
/**
 * The institution in whose name it was made.
 */
institution: InstitutionRef | null, onBehalf: boolean, };

export type PlanDashboard = { plan: Plan, 
/**
 * The day the figures are for: the laptop's date.
 */
today: string, 
/**
 * The plan's progress; none when no commitment counts.
 */
progress: number | null, commitmentCount: number, milestoneCount: number, 
/**
 * Every area, in order.
 */
areas: Array<AreaProgress>, 
/**
 * Every lead institution of a commitment of the plan, by name (those without a lead last).
 */
institutions: Array<InstitutionProgress>, 
/**
 * Milestones by latest status: "no report" first, then the scale in its order; every step
 * is there, with 0 when none stands at it.
 */
milestoneStatuses: Array<StatusCount>, 
/**
 * Late milestones, the longest late first.
 */
overdue: Array<DueMilestone>, 
/**
 * Milestones due within [`DUE_SOON_DAYS`] days, the soonest first.
 */
dueSoon: Array<DueMilestone>, 
/**
 * The [`RECENT_REPORTS`] latest reports, by the date they describe, the latest first.
 */
recentReports: Array<RecentReport>, 
/**
 * [`DUE_SOON_DAYS`], for the screen to say.
 */
dueSoonDays: number, };

export type TodoScope = { "kind": "everyone" } | { "kind": "coordination" } | { "kind": "institution", name: string, };

export type TodoList = { 
/**
 * The day the list is for: the laptop's date.
 */
today: string, scope: TodoScope, 
/**
 * Late then due soon, by due date (the oldest first), then by number.
 */
items: Array<DueMilestone>, 
/**
 * How many plans the items come from (to name the plan of each when more than one).
 */
plans: number, 
/**
 * The reporting rounds with reports still expected (see [`crate::round`]), the first due
 * first.
 */
rounds: Array<RoundDue>, dueSoonDays: number, };

export type DashboardChart = "areas" | "institutions" | "statuses";

export type DeletionId = number;

export type ImportCounts = { created: number, updated: number, unchanged: number, };

export type ImportWarningKind = "date" | "institution" | "assessment" | "value";

export type ImportWarningView = { 
/**
 * The row in the file as a spreadsheet numbers it (the header is row 1).
 */
row: number, 
/**
 * The commitment's identifier (e.g. `FR0001`).
 */
identifier: string, column: string, 
/**
 * In the interface's language.
 */
message: string, kind: ImportWarningKind, 
/**
 * The plan of the row (its id in the app) and its country.
 */
planId: PlanId, country: string, 
/**
 * The commitment made from the row, once imported (to open it).
 */
commitmentId: CommitmentId | null, };

export type ImportPlanChoice = { id: PlanId, 
/**
 * Its `Action Plan ID` in the database.
 */
ogpPlanId: string, country: string, title: string, commitments: number, 
/**
 * A plan of this laptop's own country: chosen by default, and shared with the server.
 * Another country's plan is kept on this laptop as a read-only reference.
 */
ownCountry: boolean, 
/**
 * Imported before (importing it again updates it).
 */
alreadyHere: boolean, 
/**
 * How its dates were read, in the interface's language.
 */
dateRule: string, 
/**
 * Whether its ambiguous dates were read by a convention deduced from its other dates.
 */
datesDeduced: boolean, };

export type ImportId = number;

export type ImportPreview = { fileName: string, 
/**
 * Commitment rows read.
 */
rows: number, 
/**
 * This laptop's own country.
 */
ownCountry: string, 
/**
 * Own country's plans first, then by country and number.
 */
plans: Array<ImportPlanChoice>, 
/**
 * The warnings of every plan of the file.
 */
warnings: Array<ImportWarningView>, };

export type ImportSummary = { 
/**
 * Rows read from the file.
 */
rows: number, plans: ImportCounts, areas: ImportCounts, institutions: ImportCounts, commitments: ImportCounts, 
/**
 * Changes queued for the server (the own country's plans).
 */
queued: number, 
/**
 * Records kept on this laptop only (other countries' plans, as a reference library).
 */
keptHere: number, 
/**
 * The import, to undo it (`null` before it is confirmed).
 */
importId: ImportId | null, 
/**
 * The warnings of the plans chosen.
 */
warnings: Array<ImportWarningView>, };

export type ImportRecord = { id: ImportId, 
/**
 * When, as RFC 3339.
 */
at: string, fileName: string, 
/**
 * The titles of the plans it wrote.
 */
plans: Array<string>, 
/**
 * How many of them are kept as a reference library.
 */
libraryPlans: number, records: number, };

export type UndoImportSummary = { 
/**
 * Records it had created, deleted.
 */
deleted: number, 
/**
 * Records it had changed, restored.
 */
restored: number, 
/**
 * Institutions it had created that other records name since: kept.
 */
kept: number, 
/**
 * Changes queued for the server.
 */
queued: number, };

export type ImportStage = "reading" | "writing";

export type ImportProgress = { stage: ImportStage, done: number, 
/**
 * 0 while unknown.
 */
total: number, };

export type ExportFormat = "json" | "csv" | "html" | "xlsx";

export type SelfAssessmentTerm = "midTerm" | "endOfTerm";

export type WorkbookProblem = { sheet: string, 
/**
 * None: the workbook as a whole (not a workbook, a sheet missing…).
 */
row: number | null, 
/**
 * The column's letter (`I`), when the problem is in one cell.
 */
column: string | null, 
/**
 * That column's header, as the workbook has it.
 */
columnTitle: string | null, 
/**
 * In the interface's language.
 */
message: string, };

export type ProgressWorkbookPreview = { fileName: string, 
/**
 * The plan the workbook was made from, when it is on this laptop.
 */
planId: PlanId | null, planTitle: string, 
/**
 * The institution it was made for; none: every institution of the plan.
 */
institutionName: string | null, 
/**
 * Progress reports the import will write: one per filled row.
 */
reports: number, 
/**
 * Filled rows whose report is already an entry of its timeline (the workbook was imported
 * before): skipped.
 */
unchanged: number, 
/**
 * Rows left empty: skipped.
 */
empty: number, 
/**
 * Who will sign the reports (the person this laptop connected with), if any is written.
 */
signedBy: string | null, 
/**
 * Whether some are signed on the carrying institution's behalf (the coordination's import).
 */
onBehalf: boolean, 
/**
 * Every problem, by row then column; the workbook can be imported only when there is none.
 */
problems: Array<WorkbookProblem>, };

export type ProgressWorkbookSummary = { 
/**
 * Progress reports written, each a new entry of its timeline.
 */
written: number, 
/**
 * Filled rows already imported before: nothing written for them.
 */
unchanged: number, 
/**
 * Rows left empty.
 */
empty: number, };

export type JurySessionId = string;

export type JurorId = string;

export type JuryApplicationId = string;

export type JuryCriterion = "generalInterest" | "impactForAll" | "projectQuality" | "openness" | "stateSupport";

export type JurySession = { id: JurySessionId, planId: PlanId, 
/**
 * The institution that runs it: it alone holds the session, its jurors, applications and
 * scores.
 */
institutionId: InstitutionId, 
/**
 * The cohort, in the coordination's words (« Promotion 2 — printemps 2025 »).
 */
title: string, heldOn: string, 
/**
 * How many projects it selects, from 1 to [`SELECTION_MAX`].
 */
places: number, };

export type JurySessionInput = { title: string, 
/**
 * `YYYY-MM-DD`.
 */
heldOn: string, 
/**
 * Places to fill; none: [`SELECTION_MAX`].
 */
places: number | null, };

export type Juror = { id: JurorId, sessionId: JurySessionId, name: string, };

export type JurorInput = { 
/**
 * A display name or a pseudonym.
 */
name: string, };

export type JuryApplication = { id: JuryApplicationId, sessionId: JurySessionId, title: string, 
/**
 * Who carries the project: a person or an organisation.
 */
applicant: string, summary: string, 
/**
 * Empty: none given.
 */
contactEmail: string, 
/**
 * Its reference in the file it came from (the call for applications' numbering); empty:
 * none.
 */
reference: string, };

export type JuryApplicationInput = { title: string, applicant: string, summary: string, contactEmail: string, reference: string, };

export type JuryScores = { generalInterest: number, impactForAll: number, projectQuality: number, openness: number, stateSupport: number, };

export type JuryVerdict = { "kind": "scored", scores: JuryScores, } | { "kind": "abstained", reason: string, };

export type ScoreSheet = { jurorId: JurorId, applicationId: JuryApplicationId, verdict: JuryVerdict, };

export type CriterionScore = { criterion: JuryCriterion, score: number, };

export type VerdictInput = { "kind": "scores", scores: Array<CriterionScore>, } | { "kind": "abstention", reason: string, };

export type ScoreSheetInput = { jurorId: JurorId, applicationId: JuryApplicationId, verdict: VerdictInput, };

export type JuryMean = { sum: number, count: number, 
/**
 * The mean × 100, rounded half up: what the interface shows with two decimals.
 */
hundredths: number, };

export type Standing = "selected" | "tieToBreak" | "notSelected" | "quorumNotMet";

export type CriterionMean = { criterion: JuryCriterion, mean: JuryMean, };

export type RankedApplication = { applicationId: JuryApplicationId, title: string, 
/**
 * From 1; tied applications share it (1, 2, 2, 4).
 */
rank: number, 
/**
 * The mean of the scoring jurors' totals, out of [`TOTAL_MAX`].
 */
mean: JuryMean, 
/**
 * Each criterion's mean, in the order of [`JuryCriterion::ALL`].
 */
criteria: Array<CriterionMean>, 
/**
 * Jurors who scored it.
 */
scored: number, 
/**
 * Jurors who abstained on it (conflict of interest).
 */
abstained: number, standing: Standing, };

export type UnscoredApplication = { applicationId: JuryApplicationId, title: string, 
/**
 * Jurors who abstained on it.
 */
abstained: number, };

export type JuryRanking = { 
/**
 * Places to fill.
 */
places: number, 
/**
 * The session's jurors.
 */
jurors: number, 
/**
 * Scoring jurors an application needs to be selected ([`quorum`]).
 */
quorum: number, 
/**
 * Applications scored at least once, by rank; tied ones by title.
 */
ranked: Array<RankedApplication>, 
/**
 * Applications no juror scored, in the order given.
 */
unscored: Array<UnscoredApplication>, 
/**
 * Applications selected.
 */
selected: number, 
/**
 * Places left for the jury to decide among the applications tied for them (0: none).
 */
placesToDecide: number, 
/**
 * Places left empty for want of applications that reach the quorum.
 */
placesUnfilled: number, };

export type JurySessionSummary = { session: JurySession, institution: InstitutionRef, jurors: number, applications: number, 
/**
 * Score sheets handed in (abstentions included).
 */
sheets: number, };

export type JurorView = { juror: Juror, 
/**
 * Sheets handed in, out of the session's applications.
 */
sheets: number, };

export type JuryDetail = { session: JurySession, institution: InstitutionRef, jurors: Array<JurorView>, 
/**
 * In the order they were added (an imported file's order).
 */
applications: Array<JuryApplication>, sheets: Array<ScoreSheet>, ranking: JuryRanking, 
/**
 * Why this person may not change the session, if they may not.
 */
readOnly: ReadOnly | null, };

export type JuryApplicationsImported = { added: number, 
/**
 * Rows whose reference the session has already (the same file imported again).
 */
alreadyThere: number, };

export type JuryFileProblem = { 
/**
 * None: the file as a whole (empty, not a CSV file, a column missing…).
 */
row: number | null, column: string | null, 
/**
 * In the interface's language, without its place.
 */
message: string, };

export type JuryApplicationsPreview = { fileName: string, 
/**
 * Applications read (none when the file has problems).
 */
applications: number, problems: Array<JuryFileProblem>, };
