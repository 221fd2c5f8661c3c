//! Identifiers of records. Time-ordered UUIDs (v7) so that ids made offline on several laptops
//! never collide and still sort roughly by creation.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
        #[serde(transparent)]
        #[ts(type = "string")]
        pub struct $name(pub Uuid);

        impl $name {
            /// A new identifier, unique across laptops.
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }

            /// Reads an identifier from its text form.
            pub fn parse(text: &str) -> Option<Self> {
                Uuid::parse_str(text).ok().map(Self)
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// Identifies an action plan.
    PlanId
);
id_type!(
    /// Identifies an engagement area of a plan.
    AreaId
);
id_type!(
    /// Identifies a commitment.
    CommitmentId
);
id_type!(
    /// Identifies a milestone of a commitment.
    MilestoneId
);
id_type!(
    /// Identifies an institution (ministry, independent authority, court…).
    InstitutionId
);
id_type!(
    /// Identifies a progress report, an entry of a milestone's or a commitment's timeline.
    ReportId
);
id_type!(
    /// Identifies a reporting round (a campaign of progress reports with a due date).
    RoundId
);
id_type!(
    /// Identifies a co-construction workshop (*atelier*).
    WorkshopId
);
id_type!(
    /// Identifies a participant of a workshop (personal data: kept by the institution that ran it).
    ParticipantId
);
id_type!(
    /// Identifies a contribution made in a workshop: a proposal, a comment or a priority vote.
    ContributionId
);
id_type!(
    /// Identifies a session of the citizen jury of the accelerator of citizen initiatives (one
    /// cohort's selection).
    JurySessionId
);
id_type!(
    /// Identifies a juror of a jury session.
    JurorId
);
id_type!(
    /// Identifies an application (*candidature*) examined by a jury session.
    JuryApplicationId
);
