//! The IRM assessment columns (the human-readable ones, not the `_` numeric codes) into
//! [`Assessment`].

use plan_ouvert_domain::{
    Assessed, Assessment, Completion, EarlyResults, OpenedGovernment, PotentialForResults, PotentialImpact, Specificity,
};

pub(crate) const SPECIFICITY: &str = "Specificity";
pub(crate) const VERIFIABLE: &str = "Verifiable";
pub(crate) const VALUE_ACCESS: &str = "OGP Value Access To Information";
pub(crate) const VALUE_PARTICIPATION: &str = "OGP Value Civic Participation";
pub(crate) const VALUE_ACCOUNTABILITY: &str = "OGP Value Public Accountability";
pub(crate) const VALUE_TECHNOLOGY: &str = "OGP Value Technology";
pub(crate) const POTENTIAL_IMPACT: &str = "Potential Impact";
pub(crate) const POTENTIAL_FOR_RESULTS: &str = "Potential for Results";
pub(crate) const COMPLETION_PROGRESS: &str = "Completion (Progress Report)";
pub(crate) const COMPLETION_END: &str = "Completion (End Of Term)";
pub(crate) const DIOG_OVERALL: &str = "Did It Open Government (Overall)";
pub(crate) const DIOG_ACCESS: &str = "Did It Open Government (Access To Information)";
pub(crate) const DIOG_PARTICIPATION: &str = "Did It Open Government (Civic Participation)";
pub(crate) const DIOG_ACCOUNTABILITY: &str = "Did It Open Government: Public Accountability";
pub(crate) const EARLY_RESULTS: &str = "Early Results";
pub(crate) const STARRED_END: &str = "Starred (Current Formula) End of Term";
pub(crate) const STARRED_PROGRESS: &str = "Starred (Current Formula) Progress Report";
pub(crate) const STARRED_2015: &str = "Starred (2015 Only)";

/// Every column read into the assessment.
pub(crate) const COLUMNS: [&str; 18] = [
    SPECIFICITY,
    VERIFIABLE,
    VALUE_ACCESS,
    VALUE_PARTICIPATION,
    VALUE_ACCOUNTABILITY,
    VALUE_TECHNOLOGY,
    POTENTIAL_IMPACT,
    POTENTIAL_FOR_RESULTS,
    COMPLETION_PROGRESS,
    COMPLETION_END,
    DIOG_OVERALL,
    DIOG_ACCESS,
    DIOG_PARTICIPATION,
    DIOG_ACCOUNTABILITY,
    EARLY_RESULTS,
    STARRED_END,
    STARRED_PROGRESS,
    STARRED_2015,
];

/// `ND`, `NR`, `NA` / `Not Applicable`, empty; `None` for anything else.
fn status<T>(text: &str) -> Option<Assessed<T>> {
    let t = text.trim();
    if t.is_empty() {
        Some(Assessed::Missing)
    } else if t.eq_ignore_ascii_case("ND") {
        Some(Assessed::NotAssessed)
    } else if t.eq_ignore_ascii_case("NR") {
        Some(Assessed::NotRelevant)
    } else if t.eq_ignore_ascii_case("NA") || t.eq_ignore_ascii_case("N/A") || t.eq_ignore_ascii_case("Not Applicable")
    {
        Some(Assessed::NotApplicable)
    } else {
        None
    }
}

/// A value of a scale, or why there is none; `None` when not understood.
pub(crate) fn read_scale<T>(text: &str, from_source: fn(&str) -> Option<T>) -> Option<Assessed<T>> {
    status(text).or_else(|| from_source(text).map(Assessed::Assessed))
}

/// `Yes` / `No` / `1` / `0` (and `True` / `False`).
pub(crate) fn read_bool(text: &str) -> Option<Assessed<bool>> {
    status(text).or_else(|| {
        let t = text.trim();
        if ["1", "yes", "true", "1.0"].iter().any(|v| v.eq_ignore_ascii_case(t)) {
            Some(Assessed::Assessed(true))
        } else if ["0", "no", "false", "0.0"].iter().any(|v| v.eq_ignore_ascii_case(t)) {
            Some(Assessed::Assessed(false))
        } else {
            None
        }
    })
}

/// The assessment of one row, and the columns whose value was not understood (with the value).
pub(crate) fn read_assessment<'a>(
    cell: impl Fn(&str) -> Option<&'a str>,
) -> (Assessment, Vec<(&'static str, &'a str)>) {
    let mut not_understood = Vec::new();
    macro_rules! get {
        ($column:expr, $read:expr) => {{
            let raw = cell($column).unwrap_or("");
            match $read(raw) {
                Some(v) => v,
                None => {
                    not_understood.push(($column, raw));
                    Assessed::Missing
                }
            }
        }};
    }
    let starred_end = get!(STARRED_END, read_bool);
    let starred_progress = get!(STARRED_PROGRESS, read_bool);
    let starred_2015 = get!(STARRED_2015, read_bool);
    let assessment = Assessment {
        specificity: get!(SPECIFICITY, |t| read_scale(t, Specificity::from_source)),
        verifiable: get!(VERIFIABLE, read_bool),
        relevant_access_to_information: get!(VALUE_ACCESS, read_bool),
        relevant_civic_participation: get!(VALUE_PARTICIPATION, read_bool),
        relevant_public_accountability: get!(VALUE_ACCOUNTABILITY, read_bool),
        relevant_technology: get!(VALUE_TECHNOLOGY, read_bool),
        potential_impact: get!(POTENTIAL_IMPACT, |t| read_scale(t, PotentialImpact::from_source)),
        potential_for_results: get!(POTENTIAL_FOR_RESULTS, |t| read_scale(t, PotentialForResults::from_source)),
        completion_progress_report: get!(COMPLETION_PROGRESS, |t| read_scale(t, Completion::from_source)),
        completion_end_of_term: get!(COMPLETION_END, |t| read_scale(t, Completion::from_source)),
        opened_government: get!(DIOG_OVERALL, |t| read_scale(t, OpenedGovernment::from_source)),
        opened_government_access_to_information: get!(DIOG_ACCESS, |t| read_scale(t, OpenedGovernment::from_source)),
        opened_government_civic_participation: get!(DIOG_PARTICIPATION, |t| read_scale(
            t,
            OpenedGovernment::from_source
        )),
        opened_government_public_accountability: get!(DIOG_ACCOUNTABILITY, |t| read_scale(
            t,
            OpenedGovernment::from_source
        )),
        early_results: get!(EARLY_RESULTS, |t| read_scale(t, EarlyResults::from_source)),
        starred: starred(starred_end, starred_progress, starred_2015),
    };
    (assessment, not_understood)
}

/// The end-of-term star when assessed, else the progress report's, else the 2015 one; when none
/// is assessed, the first that says why (`ND`, `NR`, `NA`) in the same order.
fn starred(end: Assessed<bool>, progress: Assessed<bool>, y2015: Assessed<bool>) -> Assessed<bool> {
    let all = [end, progress, y2015];
    all.iter()
        .copied()
        .find(|a| matches!(a, Assessed::Assessed(_)))
        .or_else(|| all.iter().copied().find(|a| *a != Assessed::Missing))
        .unwrap_or(Assessed::Missing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_are_distinct() {
        assert_eq!(read_bool("ND"), Some(Assessed::NotAssessed));
        assert_eq!(read_bool("NR"), Some(Assessed::NotRelevant));
        assert_eq!(read_bool("NA"), Some(Assessed::NotApplicable));
        assert_eq!(read_bool(""), Some(Assessed::Missing));
        assert_eq!(read_bool("Yes"), Some(Assessed::Assessed(true)));
        assert_eq!(read_bool("0"), Some(Assessed::Assessed(false)));
        assert_eq!(read_bool("maybe"), None);
        assert_eq!(read_scale("Not Applicable", OpenedGovernment::from_source), Some(Assessed::NotApplicable));
        assert_eq!(
            read_scale("did not change", OpenedGovernment::from_source),
            Some(Assessed::Assessed(OpenedGovernment::DidNotChange))
        );
    }

    #[test]
    fn the_star_prefers_the_end_of_term() {
        use Assessed::{Missing, NotAssessed, NotRelevant};
        let yes = Assessed::Assessed(true);
        let no = Assessed::Assessed(false);
        assert_eq!(starred(no, yes, yes), no);
        assert_eq!(starred(NotRelevant, yes, no), yes);
        assert_eq!(starred(NotAssessed, NotAssessed, yes), yes);
        assert_eq!(starred(Missing, NotRelevant, NotAssessed), NotRelevant);
        assert_eq!(starred(Missing, Missing, Missing), Missing);
    }
}
