//! The Independent Reporting Mechanism's assessment of a commitment, as published by the Open
//! Government Partnership, in typed fields. The IRM distinguishes a value not assessed (`ND`),
//! not relevant (`NR`) and not applicable (`NA`); so does [`Assessed`].

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::locale::Locale;

/// One assessed value, or why there is none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "status", content = "value", rename_all = "camelCase")]
pub enum Assessed<T> {
    Assessed(T),
    /// `ND`: not assessed (no data).
    NotAssessed,
    /// `NR`: not relevant.
    NotRelevant,
    /// `NA`: not applicable.
    NotApplicable,
    /// Empty in the source.
    Missing,
}

// Not derived: a derived `Default` would require `T: Default`, which the scales are not.
#[allow(clippy::derivable_impls)]
impl<T> Default for Assessed<T> {
    fn default() -> Self {
        Assessed::Missing
    }
}

macro_rules! scale {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => $code:literal, $fr:literal, $en:literal;)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
        #[serde(rename_all = "camelCase")]
        pub enum $name { $($variant),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The value as written in the OGP export.
            pub fn source(self) -> &'static str {
                match self { $($name::$variant => $code),* }
            }

            /// Reads the OGP export's wording (case and surrounding spaces ignored).
            pub fn from_source(text: &str) -> Option<Self> {
                let text = text.trim();
                Self::ALL.iter().copied().find(|v| v.source().eq_ignore_ascii_case(text))
            }

            pub fn label(self, locale: Locale) -> &'static str {
                match (self, locale) {
                    $(($name::$variant, Locale::Fr) => $fr, ($name::$variant, Locale::En) => $en,)*
                }
            }
        }
    };
}

scale!(
    /// How precisely the commitment's activities and results are described.
    Specificity {
        None => "None", "Aucune", "None";
        Low => "Low", "Faible", "Low";
        Medium => "Medium", "Moyenne", "Medium";
        High => "High", "Élevée", "High";
    }
);

scale!(
    /// How much the commitment, if completed, would change government practice.
    PotentialImpact {
        None => "None", "Aucun", "None";
        Minor => "Minor", "Mineur", "Minor";
        Moderate => "Moderate", "Modéré", "Moderate";
        Transformative => "Transformative", "Transformateur", "Transformative";
    }
);

scale!(
    /// How far the commitment was carried out.
    Completion {
        NotStarted => "Not Started", "Non commencé", "Not started";
        Limited => "Limited", "Limité", "Limited";
        Substantial => "Substantial", "Substantiel", "Substantial";
        Complete => "Complete", "Achevé", "Complete";
        Withdrawn => "Withdrawn", "Retiré", "Withdrawn";
        Unclear => "Unclear", "Incertain", "Unclear";
    }
);

scale!(
    /// The IRM's forecast of the commitment's results (action plans since 2020).
    PotentialForResults {
        Unclear => "Unclear", "Incertain", "Unclear";
        Modest => "Modest", "Modeste", "Modest";
        Substantial => "Substantial", "Substantiel", "Substantial";
    }
);

scale!(
    /// Results observed at the end of the action plan (action plans since 2020).
    EarlyResults {
        NoNotableResults => "No notable results", "Pas de résultat notable", "No notable results";
        Moderate => "Moderate", "Modérés", "Moderate";
        Significant => "Significant", "Significatifs", "Significant";
        Outstanding => "Outstanding", "Exceptionnels", "Outstanding";
    }
);

scale!(
    /// Did it open government? The change in government practice the IRM observed.
    OpenedGovernment {
        Worsens => "Worsens", "Recul", "Worsened";
        DidNotChange => "Did Not Change", "Aucun changement", "Did not change";
        Marginal => "Marginal", "Marginal", "Marginal";
        Major => "Major", "Majeur", "Major";
        Outstanding => "Outstanding", "Exceptionnel", "Outstanding";
        NoEarlyResultsYet => "No early results to report yet", "Pas encore de résultats à rapporter", "No early results to report yet";
    }
);

/// The IRM assessment of one commitment. Every field keeps the difference between a value, not
/// assessed, not relevant and not applicable.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Assessment {
    pub specificity: Assessed<Specificity>,
    /// Whether the commitment's activities can be verified.
    pub verifiable: Assessed<bool>,
    /// Relevance to each OGP value.
    pub relevant_access_to_information: Assessed<bool>,
    pub relevant_civic_participation: Assessed<bool>,
    pub relevant_public_accountability: Assessed<bool>,
    pub relevant_technology: Assessed<bool>,
    pub potential_impact: Assessed<PotentialImpact>,
    pub potential_for_results: Assessed<PotentialForResults>,
    pub completion_progress_report: Assessed<Completion>,
    pub completion_end_of_term: Assessed<Completion>,
    pub opened_government: Assessed<OpenedGovernment>,
    pub opened_government_access_to_information: Assessed<OpenedGovernment>,
    pub opened_government_civic_participation: Assessed<OpenedGovernment>,
    pub opened_government_public_accountability: Assessed<OpenedGovernment>,
    pub early_results: Assessed<EarlyResults>,
    /// A starred commitment: specific, relevant, transformative and substantially completed.
    pub starred: Assessed<bool>,
}

/// What a commitment imported from the OGP commitment database brings with it, read-only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CommitmentOrigin {
    /// The OGP's identifier (e.g. `FR0001`).
    pub ogp_id: String,
    /// The commitment's number in its action plan (e.g. `1.1`).
    pub number: String,
    pub short_title: String,
    /// The commitment's text as submitted, verbatim.
    pub full_text: String,
    /// A start or end date as written in the source, when it was not a date read with certainty.
    pub start_date_source: String,
    pub end_date_source: String,
    /// The OGP's policy-area tags.
    pub policy_areas: Vec<String>,
    /// The commitment's page on the OGP's site.
    pub url: String,
    pub assessment: Option<Assessment>,
    /// Every other column of the source row, verbatim.
    pub source_columns: std::collections::BTreeMap<String, String>,
}
