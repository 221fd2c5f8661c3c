//! The TypeScript types of the interface are generated from the Rust types, never copied by hand.
//!
//! This test regenerates them and fails when the committed file differs, so a change to a type
//! cannot land without its bindings. To update the file after changing a type:
//!
//! ```sh
//! UPDATE_BINDINGS=1 cargo test -p plan-ouvert-domain --test bindings
//! ```
//!
//! The labels of the OGP template (`plan_ouvert_domain::labels`) are generated the same way into
//! `ui/src/core/labels.ts`: values, not types, so that the screen and the printable plan say the
//! same words.

use plan_ouvert_domain::*;
use ts_rs::TS;

const BINDINGS: &str = "../../ui/src/core/bindings.ts";
const LABELS: &str = "../../ui/src/core/labels.ts";

macro_rules! declarations {
    ($($ty:ty),* $(,)?) => {
        vec![$(format!("export {}", <$ty as TS>::decl())),*]
    };
}

fn generate() -> String {
    let declarations = declarations![
        Locale,
        PlanId,
        AreaId,
        CommitmentId,
        MilestoneId,
        InstitutionId,
        ReportId,
        RoundId,
        WorkshopId,
        ParticipantId,
        ContributionId,
        ErrorCode,
        FieldError,
        Failure,
        Plan,
        PlanInput,
        AreaKind,
        Area,
        AreaInput,
        InstitutionKind,
        Institution,
        InstitutionInput,
        InstitutionRef,
        Commitment,
        CommitmentEdit,
        Milestone,
        MilestoneInput,
        MilestoneEdit,
        OverviewFilter,
        CommitmentSummary,
        AreaOverview,
        PlanOverview,
        PlanSearch,
        Found,
        ReadOnly,
        CommitmentDetail,
        SyncConnection,
        SyncStatus,
        SyncProgress,
        RecordSyncState,
        SyncRole,
        SyncAccount,
        TokenStorage,
        SyncSettings,
        SyncConnectInput,
        SyncRecordKind,
        ConflictId,
        RejectionId,
        ConflictView,
        ConflictChoice,
        SyncAction,
        RejectionView,
        Assessed<bool>,
        Specificity,
        PotentialImpact,
        Completion,
        PotentialForResults,
        EarlyResults,
        OpenedGovernment,
        Assessment,
        CommitmentOrigin,
        ProgressStatus,
        EvidenceFile,
        FileAvailability,
        EvidenceLink,
        Report,
        ReportInput,
        MilestoneProgress,
        ReportSignature,
        CommitmentProgress,
        RoundKind,
        Round,
        RoundInput,
        RoundItemState,
        RoundItem,
        RoundContact,
        RoundInstitution,
        RoundProgress,
        RoundDue,
        OrganisationKind,
        ContributionKind,
        ContributionOutcome,
        Workshop,
        WorkshopInput,
        Participant,
        Identity,
        ParticipantInput,
        Contribution,
        ContributionInput,
        TraceInput,
        WorkshopSummary,
        TraceTarget,
        PlanTarget,
        ParticipantView,
        ContributionView,
        KindCount,
        WorkshopDetail,
        TracedContribution,
        ParticipantData,
        ExchangeScope,
        ExchangeWritten,
        ExchangeImported,
        ExchangeSaved,
        RoomSubject,
        RoomView,
        RoomLinkView,
        RoomJoin,
        DueKind,
        DueMilestone,
        AreaProgress,
        InstitutionProgress,
        StatusCount,
        RecentReport,
        PlanDashboard,
        TodoScope,
        TodoList,
        DashboardChart,
        DeletionId,
        ImportCounts,
        ImportWarningKind,
        ImportWarningView,
        ImportPlanChoice,
        ImportId,
        ImportPreview,
        ImportSummary,
        ImportRecord,
        UndoImportSummary,
        ImportStage,
        ImportProgress,
        ExportFormat,
        SelfAssessmentTerm,
        WorkbookProblem,
        ProgressWorkbookPreview,
        ProgressWorkbookSummary,
        JurySessionId,
        JurorId,
        JuryApplicationId,
        JuryCriterion,
        JurySession,
        JurySessionInput,
        Juror,
        JurorInput,
        JuryApplication,
        JuryApplicationInput,
        JuryScores,
        JuryVerdict,
        ScoreSheet,
        CriterionScore,
        VerdictInput,
        ScoreSheetInput,
        JuryMean,
        Standing,
        CriterionMean,
        RankedApplication,
        UnscoredApplication,
        JuryRanking,
        JurySessionSummary,
        JurorView,
        JuryDetail,
        JuryApplicationsImported,
        JuryFileProblem,
        JuryApplicationsPreview,
    ];
    let mut out = String::from(
        "// Generated from the Rust types by crates/domain/tests/bindings.rs. Do not edit by hand:\n\
         // UPDATE_BINDINGS=1 cargo test -p plan-ouvert-domain --test bindings\n",
    );
    for declaration in declarations {
        out.push('\n');
        out.push_str(&declaration);
        out.push('\n');
    }
    out
}

/// An object whose members keep their order when written (scales in their order, from the
/// lowest value).
struct Ordered(Vec<(String, &'static str)>);

impl serde::Serialize for Ordered {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Scales {
    specificity: Ordered,
    potential_impact: Ordered,
    completion: Ordered,
    potential_for_results: Ordered,
    early_results: Ordered,
    opened_government: Ordered,
}

/// The labels of the template (`plan_ouvert_domain::labels`) and of the IRM scales, in one
/// language, members in the order they are declared.
#[derive(serde::Serialize)]
struct Generated {
    #[serde(flatten)]
    labels: Labels,
    scales: Scales,
}

fn labels(locale: Locale) -> Generated {
    fn scale<T: serde::Serialize + Copy>(all: &[T], label: impl Fn(T) -> &'static str) -> Ordered {
        Ordered(
            all.iter()
                .map(|v| {
                    let code = serde_json::to_value(v).expect("a scale value");
                    (code.as_str().expect("a code").to_string(), label(*v))
                })
                .collect(),
        )
    }
    Generated {
        labels: Labels::of(locale),
        scales: Scales {
            specificity: scale(Specificity::ALL, |v| v.label(locale)),
            potential_impact: scale(PotentialImpact::ALL, |v| v.label(locale)),
            completion: scale(Completion::ALL, |v| v.label(locale)),
            potential_for_results: scale(PotentialForResults::ALL, |v| v.label(locale)),
            early_results: scale(EarlyResults::ALL, |v| v.label(locale)),
            opened_government: scale(OpenedGovernment::ALL, |v| v.label(locale)),
        },
    }
}

/// The TypeScript type of a labels object: every leaf is a string; a scale's labels (and the jury
/// criteria's) are keyed by the scale's codes, so the type says which scale they belong to.
fn type_of(value: &serde_json::Value, path: &str, indent: usize) -> String {
    let scales = [
        ("scales.specificity", "Specificity"),
        ("scales.potentialImpact", "PotentialImpact"),
        ("scales.completion", "Completion"),
        ("scales.potentialForResults", "PotentialForResults"),
        ("scales.earlyResults", "EarlyResults"),
        ("scales.openedGovernment", "OpenedGovernment"),
        ("juryCriteria", "JuryCriterion"),
    ];
    if let Some((_, scale)) = scales.iter().find(|(p, _)| *p == path) {
        return format!("Record<{scale}, string>");
    }
    match value {
        serde_json::Value::Object(members) => {
            let pad = "    ".repeat(indent + 1);
            let inner: Vec<String> = members
                .iter()
                .map(|(key, v)| {
                    let path = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
                    format!("{pad}{key}: {};", type_of(v, &path, indent + 1))
                })
                .collect();
            format!("{{\n{}\n{}}}", inner.join("\n"), "    ".repeat(indent))
        }
        _ => "string".to_string(),
    }
}

fn generate_labels() -> String {
    let (fr, en) = (labels(Locale::Fr), labels(Locale::En));
    let json = |v: &Generated| {
        let mut out = Vec::new();
        let formatter = serde_json::ser::PrettyFormatter::with_indent(b"    ");
        let mut serializer = serde_json::Serializer::with_formatter(&mut out, formatter);
        serde::Serialize::serialize(v, &mut serializer).expect("labels as JSON");
        String::from_utf8(out).expect("UTF-8").replace('\n', "\n    ")
    };
    format!(
        "// Generated from crates/domain/src/labels.rs (and the IRM scales of crates/domain/src/assessment.rs)\n\
         // by crates/domain/tests/bindings.rs. Do not edit by hand:\n\
         // UPDATE_BINDINGS=1 cargo test -p plan-ouvert-domain --test bindings\n\n\
         import type {{ Completion, EarlyResults, JuryCriterion, OpenedGovernment, PotentialForResults, PotentialImpact, Specificity }} from \"./bindings\";\n\n\
         /** The words for the OGP template's sections and fields, the same on the screen and in the printable plan. */\n\
         export type Labels = {};\n\n\
         export const LABELS: {{ fr: Labels; en: Labels }} = {{\n    fr: {},\n    en: {}\n}};\n",
        type_of(&serde_json::to_value(&fr).expect("labels"), "", 0),
        json(&fr),
        json(&en)
    )
}

/// Writes `fresh` to `relative` when updating, else fails when the committed file differs.
fn check(relative: &str, fresh: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::create_dir_all(path.parent().expect("bindings folder")).expect("create ui/src/core");
        std::fs::write(&path, fresh).expect("write bindings");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{relative} is stale: run `UPDATE_BINDINGS=1 cargo test -p plan-ouvert-domain --test bindings` and commit the result"
    );
}

#[test]
fn generated_typescript_bindings_are_up_to_date() {
    check(BINDINGS, &generate());
}

#[test]
fn generated_labels_are_up_to_date() {
    check(LABELS, &generate_labels());
}
