//! The domain of Plan ouvert, with no storage, no network and no display in it.
//!
//! Input arrives as raw strings (what a person typed) and is parsed once into validated types
//! ([`Title`], [`LongText`], [`Period`], [`Email`]…). After parsing, the rest of the code cannot
//! hold an invalid value. Every refusal names the field it is about and says why, in French or in
//! English ([`Invalid`], [`Locale`]), so the interface can show it next to that field.
//!
//! Types that cross to the web interface derive [`ts_rs::TS`]; the TypeScript file is generated
//! from them (see `tests/bindings.rs` at the top of the repository), never written by hand.

pub mod area;
pub mod assessment;
pub mod commitment;
pub mod dashboard;
pub mod evidence;
pub mod exchange;
pub mod failure;
pub mod id;
pub mod institution;
pub mod invalid;
pub mod jury;
pub mod labels;
pub mod locale;
pub mod milestone;
pub mod notice;
pub mod numbering;
pub mod open_data;
pub mod overview;
pub mod period;
pub mod plan;
pub mod progress;
pub mod round;
pub mod self_assessment;
pub mod sync;
pub mod text;
pub mod workshop;

pub use area::{Area, AreaInput, AreaKind, ValidArea};
pub use assessment::{
    Assessed, Assessment, CommitmentOrigin, Completion, EarlyResults, OpenedGovernment, PotentialForResults,
    PotentialImpact, Specificity,
};
pub use commitment::{Commitment, CommitmentChange, CommitmentDates, CommitmentEdit, CommitmentText, OgpValue};
pub use dashboard::{
    due_state, AreaProgress, DashboardChart, DueKind, DueMilestone, InstitutionProgress, PlanDashboard, RecentReport,
    StatusCount, TodoList, TodoScope, DUE_SOON_DAYS, RECENT_REPORTS,
};
pub use evidence::{EvidenceFile, FileAvailability};
pub use exchange::{
    ExchangeImported, ExchangeSaved, ExchangeScope, ExchangeWritten, RoomJoin, RoomLinkView, RoomSubject, RoomView,
};
pub use failure::{ErrorCode, Failure, FieldError};
pub use id::{
    AreaId, CommitmentId, ContributionId, InstitutionId, JurorId, JuryApplicationId, JurySessionId, MilestoneId,
    ParticipantId, PlanId, ReportId, RoundId, WorkshopId,
};
pub use institution::{Institution, InstitutionInput, InstitutionKind, ValidInstitution};
pub use invalid::{Invalid, Problem};
pub use jury::{
    quorum, rank, CriterionMean, CriterionScore, Juror, JurorInput, JurorView, JuryApplication, JuryApplicationInput,
    JuryApplicationsImported, JuryApplicationsPreview, JuryCriterion, JuryDetail, JuryFileProblem, JuryMean,
    JuryRanking, JuryScores, JurySession, JurySessionInput, JurySessionSummary, JuryVerdict, RankedApplication,
    ScoreSheet, ScoreSheetInput, Standing, UnscoredApplication, ValidJuror, ValidJuryApplication, ValidJurySession,
    VerdictInput, JURORS_MAX, SCORE_MAX, SELECTION_MAX, TOTAL_MAX,
};
pub use labels::Labels;
pub use locale::Locale;
pub use milestone::{Milestone, MilestoneChange, MilestoneEdit, MilestoneInput, ValidMilestone};
pub use notice::{due_notice, Notice};
pub use open_data::{
    ExportFormat, ImportCounts, ImportId, ImportPlanChoice, ImportPreview, ImportProgress, ImportRecord, ImportStage,
    ImportSummary, ImportWarningKind, ImportWarningView, ProgressWorkbookPreview, ProgressWorkbookSummary,
    UndoImportSummary, WorkbookProblem,
};
pub use overview::{
    AreaOverview, CommitmentDetail, CommitmentSummary, DeletionId, Found, InstitutionRef, OverviewFilter, PlanOverview,
    PlanSearch, ReadOnly,
};
pub use period::{parse_optional_date, whole_years, Period};
pub use plan::{Plan, PlanInput, ValidPlan, DEFAULT_COUNTRY};
pub use progress::{
    commitment_share, completion_from_share, parse_weight, percent, weighted_share, CommitmentProgress, EvidenceLink,
    MilestoneProgress, ProgressStatus, Report, ReportInput, ReportSignature, ValidReport, OPENED_GOVERNMENT_CODES,
    WEIGHT_MAX,
};
pub use round::{
    Round, RoundContact, RoundDue, RoundInput, RoundInstitution, RoundItem, RoundItemState, RoundKind, RoundProgress,
    ValidRound,
};
pub use self_assessment::{parse_as_of, SelfAssessmentTerm};
pub use sync::{
    ConflictChoice, ConflictId, ConflictView, RecordSyncState, RejectionId, RejectionView, SyncAccount, SyncAction,
    SyncConnectInput, SyncConnection, SyncProgress, SyncRecordKind, SyncRole, SyncSettings, SyncStatus, TokenStorage,
};
pub use text::{folded, Email, LongText, Phone, ShortText, Title, Verbatim};
pub use workshop::{
    count_by_kind, Contribution, ContributionInput, ContributionKind, ContributionOutcome, ContributionView, Identity,
    KindCount, OrganisationKind, Participant, ParticipantData, ParticipantInput, ParticipantView, PlanTarget,
    TraceInput, TraceTarget, TracedContribution, ValidContribution, ValidParticipant, ValidTrace, ValidWorkshop,
    Workshop, WorkshopDetail, WorkshopInput, WorkshopSummary,
};
