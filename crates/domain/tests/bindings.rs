//! The TypeScript types of the interface are generated from the Rust types, never copied by hand.
//!
//! This test regenerates them and fails when the committed file differs, so a change to a type
//! cannot land without its bindings. To update the file after changing a type:
//!
//! ```sh
//! UPDATE_BINDINGS=1 cargo test -p plan-ouvert-domain --test bindings
//! ```

use plan_ouvert_domain::*;
use ts_rs::TS;

const BINDINGS: &str = "../../ui/src/core/bindings.ts";

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
        ReadOnly,
        CommitmentDetail,
        SyncConnection,
        SyncStatus,
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
        ImportCounts,
        ImportWarningView,
        ImportSummary,
        ImportStage,
        ImportProgress,
        ExportFormat,
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

#[test]
fn generated_typescript_bindings_are_up_to_date() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(BINDINGS);
    let fresh = generate();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::create_dir_all(path.parent().expect("bindings folder")).expect("create ui/src/core");
        std::fs::write(&path, &fresh).expect("write bindings");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "ui/src/core/bindings.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p plan-ouvert-domain --test bindings` and commit the result"
    );
}
