//! The government's self-assessment of its action plan (*rapport d'autoévaluation*): the OGP asks
//! for one at mid-term and one at the end of the term. The app writes it from the plan and its
//! progress reports as they stood on a day (`as of`): only the entries dated on or before it
//! count.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::invalid::{Invalid, Problem};
use crate::labels::SelfAssessmentLabels;
use crate::locale::Locale;
use crate::period::parse_required_date;

/// Which of the OGP's two self-assessment reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SelfAssessmentTerm {
    /// Half-way through the plan: progress so far.
    MidTerm,
    /// At the end of the plan: its results.
    EndOfTerm,
}

impl SelfAssessmentTerm {
    pub const ALL: [SelfAssessmentTerm; 2] = [SelfAssessmentTerm::MidTerm, SelfAssessmentTerm::EndOfTerm];

    /// The document's title: « Rapport d'autoévaluation à mi-parcours ».
    pub fn title(self, locale: Locale) -> &'static str {
        let labels = SelfAssessmentLabels::of(locale);
        match self {
            SelfAssessmentTerm::MidTerm => labels.mid_term_title,
            SelfAssessmentTerm::EndOfTerm => labels.end_of_term_title,
        }
    }

    /// What the file is named after: « Autoévaluation mi-parcours ».
    pub fn file_title(self, locale: Locale) -> &'static str {
        match self {
            SelfAssessmentTerm::MidTerm => locale.pick("Autoévaluation mi-parcours", "Mid-term self-assessment"),
            SelfAssessmentTerm::EndOfTerm => {
                locale.pick("Autoévaluation fin de parcours", "End-of-term self-assessment")
            }
        }
    }
}

/// Checks the day a self-assessment is made as of (`YYYY-MM-DD`, the field `asOf`): a date, and
/// not after `today` — the report says what was done, and no entry is ever dated later.
pub fn parse_as_of(raw: &str, today: NaiveDate) -> Result<NaiveDate, Invalid> {
    let day = parse_required_date(raw).map_err(Invalid::on("asOf"))?;
    if day > today {
        return Err(Problem::FutureDate { today }.on("asOf"));
    }
    Ok(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_self_assessment_is_made_as_of_a_past_day() {
        let today = NaiveDate::from_ymd_opt(2024, 6, 30).expect("a date");
        assert_eq!(parse_as_of("2024-06-30", today), Ok(today));
        assert_eq!(parse_as_of("2024-07-01", today).map_err(|i| i.problem), Err(Problem::FutureDate { today }));
        assert_eq!(parse_as_of("", today).map_err(|i| (i.field, i.problem)), Err(("asOf", Problem::Required)));
        assert_eq!(parse_as_of("30/06/2024", today).map_err(|i| i.problem), Err(Problem::Date));
    }

    #[test]
    fn each_term_has_its_title_and_file_title_in_both_languages() {
        assert_eq!(SelfAssessmentTerm::MidTerm.title(Locale::Fr), "Rapport d'autoévaluation à mi-parcours");
        assert_eq!(SelfAssessmentTerm::EndOfTerm.title(Locale::Fr), "Rapport d'autoévaluation de fin de parcours");
        assert_eq!(SelfAssessmentTerm::EndOfTerm.title(Locale::En), "End-of-term self-assessment report");
        assert_eq!(SelfAssessmentTerm::MidTerm.file_title(Locale::Fr), "Autoévaluation mi-parcours");
        assert_eq!(serde_json::to_value(SelfAssessmentTerm::EndOfTerm).expect("json"), serde_json::json!("endOfTerm"));
    }
}
