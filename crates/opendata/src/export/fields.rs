//! What each field of each kind of record holds, and its one canonical form.
//!
//! Every export checks every value against this table before writing it, so an export is either
//! valid against the published schemas or refused with the record and field at fault; every
//! import checks what it reads against the same table.

use plan_ouvert_domain::labels::OriginLabels;
use plan_ouvert_domain::{
    Completion, EarlyResults, Locale, OpenedGovernment, PotentialForResults, PotentialImpact, Specificity,
};
use plan_ouvert_sync::fields::{canonical, ValueProblem};
use plan_ouvert_sync::protocol::{RecordKind, Value};
use serde::{de::DeserializeOwned, Serialize};

use super::Problem;

pub use plan_ouvert_sync::fields::{AREA_KINDS, INSTITUTION_KINDS};

/// What a field holds: the fields' declaration's own type (`plan_ouvert_sync::fields::Holds`);
/// what an export does with it is [`FieldCheck`].
pub use plan_ouvert_sync::fields::Holds as FieldType;

/// What each field of each kind holds, or `None` for a field this version of the exports does
/// not know (an export then refuses the record rather than write something its schema does not
/// describe).
pub fn field_type(kind: RecordKind, field: &str) -> Option<FieldType> {
    plan_ouvert_sync::fields::field(kind, field).map(|f| f.holds)
}

/// What an export (and an import of an export) does with a value of a field: its default, its
/// check and canonical form, and the words for it.
pub trait FieldCheck: Copy {
    /// The value an export writes for a field the record does not carry (a record created
    /// before the field existed), or `None` when there is no sensible one (ids, titles, ranks).
    fn default_value(self) -> Option<Value>;
    /// Checks a value and returns it in canonical form (ids in lower case, the assessment as the
    /// domain writes it).
    fn check(self, value: &Value) -> Result<Value, Problem>;
    /// What the field holds, for a person reading an error.
    fn describe(self, locale: Locale) -> String;
}

impl From<ValueProblem> for Problem {
    fn from(problem: ValueProblem) -> Self {
        match problem {
            ValueProblem::Expected(holds) => Problem::Expected(holds),
            ValueProblem::Text(problem) => Problem::Text(problem),
            ValueProblem::Assessment(detail) => Problem::Assessment(detail),
            ValueProblem::Repeated => Problem::Repeated,
        }
    }
}

impl FieldCheck for FieldType {
    fn default_value(self) -> Option<Value> {
        self.empty()
    }

    fn check(self, value: &Value) -> Result<Value, Problem> {
        Ok(canonical(self, value)?)
    }

    fn describe(self, locale: Locale) -> String {
        let s = |text: &str| text.to_string();
        match (self, locale) {
            (FieldType::Line(max), Locale::Fr) => format!("un texte d'une ligne de {max} caractères au plus"),
            (FieldType::Line(max), Locale::En) => format!("a one-line text of at most {max} characters"),
            (FieldType::Email, Locale::Fr) => s("une adresse électronique ou rien"),
            (FieldType::Email, Locale::En) => s("an e-mail address or nothing"),
            (FieldType::Phone, Locale::Fr) => s("un numéro de téléphone ou rien"),
            (FieldType::Phone, Locale::En) => s("a phone number or nothing"),
            (FieldType::Verbatim | FieldType::LongText, Locale::Fr) => s("un texte"),
            (FieldType::Verbatim | FieldType::LongText, Locale::En) => s("a text"),
            (FieldType::Title | FieldType::Name, Locale::Fr) => s("un texte non vide"),
            (FieldType::Title | FieldType::Name, Locale::En) => s("a non-empty text"),
            (FieldType::Date, Locale::Fr) => s("une date AAAA-MM-JJ"),
            (FieldType::Date, Locale::En) => s("a date YYYY-MM-DD"),
            (FieldType::OptionalDate, Locale::Fr) => s("une date AAAA-MM-JJ ou rien"),
            (FieldType::OptionalDate, Locale::En) => s("a date YYYY-MM-DD or nothing"),
            (FieldType::Ref(_), Locale::Fr) => s("un identifiant (UUID)"),
            (FieldType::Ref(_), Locale::En) => s("an id (UUID)"),
            (FieldType::OptionalRef(_), Locale::Fr) => s("un identifiant (UUID) ou rien"),
            (FieldType::OptionalRef(_), Locale::En) => s("an id (UUID) or nothing"),
            (FieldType::RefList(_), Locale::Fr) => s("une liste d'identifiants (UUID)"),
            (FieldType::RefList(_), Locale::En) => s("a list of ids (UUID)"),
            (FieldType::TextList, Locale::Fr) => s("une liste de textes"),
            (FieldType::TextList, Locale::En) => s("a list of texts"),
            (FieldType::Position, Locale::Fr) => s("un rang (entier positif ou nul)"),
            (FieldType::Position, Locale::En) => s("a rank (non-negative integer)"),
            (FieldType::OptionalInteger, Locale::Fr) => s("un entier ou rien"),
            (FieldType::OptionalInteger, Locale::En) => s("an integer or nothing"),
            (FieldType::Boolean, Locale::Fr) => s("true ou false"),
            (FieldType::Boolean, Locale::En) => s("true or false"),
            (FieldType::OneOf(codes), Locale::Fr) => format!("l'une des valeurs {}", codes.join(", ")),
            (FieldType::OneOf(codes), Locale::En) => format!("one of {}", codes.join(", ")),
            (FieldType::OptionalText, Locale::Fr) => s("un texte ou rien"),
            (FieldType::OptionalText, Locale::En) => s("a text or nothing"),
            (FieldType::Assessment, Locale::Fr) => s("une évaluation de l'IRM ou rien"),
            (FieldType::Assessment, Locale::En) => s("an IRM assessment or nothing"),
            (FieldType::TextMap, Locale::Fr) => s("un objet dont les valeurs sont des textes"),
            (FieldType::TextMap, Locale::En) => s("an object whose values are texts"),
            (FieldType::OptionalOneOf(codes), Locale::Fr) => format!("rien ou l'une des valeurs {}", codes.join(", ")),
            (FieldType::OptionalOneOf(codes), Locale::En) => format!("nothing or one of {}", codes.join(", ")),
            (FieldType::Weight, Locale::Fr) => s("un poids, entier de 1 à 100"),
            (FieldType::Weight, Locale::En) => s("a weight, a whole number from 1 to 100"),
            (FieldType::PersonId, Locale::Fr) => s("l'identifiant (UUID) d'une personne"),
            (FieldType::PersonId, Locale::En) => s("a person's id (UUID)"),
            (FieldType::LinkList, Locale::Fr) => s("une liste de liens {title, url}"),
            (FieldType::LinkList, Locale::En) => s("a list of links {title, url}"),
            (FieldType::FileList, Locale::Fr) => s("une liste de fichiers {sha256, name, size, mediaType}"),
            (FieldType::FileList, Locale::En) => s("a list of files {sha256, name, size, mediaType}"),
            (FieldType::Places, Locale::Fr) => s("un nombre de places, entier de 1 à 10"),
            (FieldType::Places, Locale::En) => s("a number of places, a whole number from 1 to 10"),
            (FieldType::Verdict, Locale::Fr) => {
                s("cinq notes de 0 à 5 {kind: scored, scores} ou une abstention {kind: abstained, reason}")
            }
            (FieldType::Verdict, Locale::En) => {
                s("five scores from 0 to 5 {kind: scored, scores} or an abstention {kind: abstained, reason}")
            }
        }
    }
}

pub use plan_ouvert_sync::fields::{parse_date, parse_id};

/// The statuses of an assessment entry that carry no value, as written in exports.
pub const STATUSES: &[&str] = &["notAssessed", "notRelevant", "notApplicable", "missing"];

/// The scale an assessment entry's value is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    YesNo,
    Specificity,
    PotentialImpact,
    PotentialForResults,
    Completion,
    OpenedGovernment,
    EarlyResults,
}

fn codes_of<T: Serialize>(all: &[T]) -> Vec<String> {
    all.iter().filter_map(|v| serde_json::to_value(v).ok().and_then(|v| v.as_str().map(str::to_string))).collect()
}

fn label_of<T: DeserializeOwned>(code: &str, label: impl Fn(T) -> &'static str) -> Option<&'static str> {
    serde_json::from_value::<T>(Value::String(code.to_string())).ok().map(label)
}

impl Scale {
    /// The codes of the scale's values, as the domain writes them (`high`, `notStarted`…; `true`
    /// and `false` for yes/no).
    pub fn codes(self) -> Vec<String> {
        match self {
            Scale::YesNo => vec!["true".into(), "false".into()],
            Scale::Specificity => codes_of(Specificity::ALL),
            Scale::PotentialImpact => codes_of(PotentialImpact::ALL),
            Scale::PotentialForResults => codes_of(PotentialForResults::ALL),
            Scale::Completion => codes_of(Completion::ALL),
            Scale::OpenedGovernment => codes_of(OpenedGovernment::ALL),
            Scale::EarlyResults => codes_of(EarlyResults::ALL),
        }
    }

    /// The label of a value of the scale, from its code.
    pub fn label(self, code: &str, locale: Locale) -> Option<&'static str> {
        match self {
            Scale::YesNo => match code {
                "true" => Some(OriginLabels::of(locale).yes),
                "false" => Some(OriginLabels::of(locale).no),
                _ => None,
            },
            Scale::Specificity => label_of(code, |v: Specificity| v.label(locale)),
            Scale::PotentialImpact => label_of(code, |v: PotentialImpact| v.label(locale)),
            Scale::PotentialForResults => label_of(code, |v: PotentialForResults| v.label(locale)),
            Scale::Completion => label_of(code, |v: Completion| v.label(locale)),
            Scale::OpenedGovernment => label_of(code, |v: OpenedGovernment| v.label(locale)),
            Scale::EarlyResults => label_of(code, |v: EarlyResults| v.label(locale)),
        }
    }
}

/// One entry of the IRM assessment: its key in the assessment's JSON, its CSV column, its scale.
/// Its label is the app's ([`plan_ouvert_domain::labels::OriginLabels`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AssessmentEntry {
    pub key: &'static str,
    pub column: &'static str,
    pub scale: Scale,
}

impl AssessmentEntry {
    /// The codes a CSV cell of this entry may hold: the scale's values then the statuses.
    pub fn codes(&self) -> Vec<String> {
        let mut codes = self.scale.codes();
        codes.extend(STATUSES.iter().map(|s| s.to_string()));
        codes
    }
}

macro_rules! entries {
    ($($key:literal, $column:literal, $scale:ident;)*) => {
        /// The entries of the IRM assessment, in the order of [`plan_ouvert_domain::Assessment`].
        pub const ASSESSMENT_ENTRIES: &[AssessmentEntry] = &[
            $(AssessmentEntry { key: $key, column: $column, scale: Scale::$scale },)*
        ];
    };
}

entries! {
    "specificity", "assessment_specificity", Specificity;
    "verifiable", "assessment_verifiable", YesNo;
    "relevantAccessToInformation", "assessment_relevant_access_to_information", YesNo;
    "relevantCivicParticipation", "assessment_relevant_civic_participation", YesNo;
    "relevantPublicAccountability", "assessment_relevant_public_accountability", YesNo;
    "relevantTechnology", "assessment_relevant_technology", YesNo;
    "potentialImpact", "assessment_potential_impact", PotentialImpact;
    "potentialForResults", "assessment_potential_for_results", PotentialForResults;
    "completionProgressReport", "assessment_completion_progress_report", Completion;
    "completionEndOfTerm", "assessment_completion_end_of_term", Completion;
    "openedGovernment", "assessment_opened_government", OpenedGovernment;
    "openedGovernmentAccessToInformation", "assessment_opened_government_access_to_information", OpenedGovernment;
    "openedGovernmentCivicParticipation", "assessment_opened_government_civic_participation", OpenedGovernment;
    "openedGovernmentPublicAccountability", "assessment_opened_government_public_accountability", OpenedGovernment;
    "earlyResults", "assessment_early_results", EarlyResults;
    "starred", "assessment_starred", YesNo;
}

/// The code of one entry of a canonical assessment: the value's code when assessed, else the
/// status.
pub fn entry_code(assessment: &Value, key: &str) -> Option<String> {
    let entry = assessment.get(key)?;
    let status = entry.get("status")?.as_str()?;
    if status == "assessed" {
        match entry.get("value")? {
            Value::Bool(b) => Some(b.to_string()),
            Value::String(s) => Some(s.clone()),
            _ => None,
        }
    } else {
        Some(status.to_string())
    }
}

/// The JSON of one entry from its code (the reverse of [`entry_code`]).
pub fn entry_value(entry: &AssessmentEntry, code: &str) -> Option<Value> {
    if STATUSES.contains(&code) {
        return Some(serde_json::json!({ "status": code }));
    }
    if !entry.scale.codes().iter().any(|c| c == code) {
        return None;
    }
    let value = match entry.scale {
        Scale::YesNo => Value::Bool(code == "true"),
        _ => Value::String(code.to_string()),
    };
    Some(serde_json::json!({ "status": "assessed", "value": value }))
}
