//! Commitments (*engagements*), the unit the OGP assesses, with every field of the current OGP
//! commitment template.
//!
//! A commitment is edited one field at a time ([`CommitmentEdit`]): that is what the interface
//! saves as a person types, and what sync will later carry and merge field by field.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::id::{AreaId, CommitmentId, InstitutionId, PlanId};
use crate::invalid::{Invalid, Problem};
use crate::period::{check_order, parse_optional_date, Period};
use crate::text::{Email, LongText, Phone, ShortText, Title};

/// A commitment as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Commitment {
    pub id: CommitmentId,
    pub plan_id: PlanId,
    pub area_id: AreaId,
    /// Rank within its engagement area, from 0.
    pub position: u32,
    pub title: String,
    pub brief_description: String,
    /// Problem definition: what problem the commitment addresses.
    pub problem: String,
    /// Problem definition: its causes.
    pub causes: String,
    /// Commitment description: what has been done so far.
    pub done_so_far: String,
    /// Commitment description: the proposed solution.
    pub solution: String,
    /// Commitment description: the results expected.
    pub expected_results: String,
    /// Analysis: how it promotes transparency.
    pub transparency: String,
    /// Analysis: how it fosters accountability.
    pub accountability: String,
    /// Analysis: how it improves citizen participation.
    pub participation: String,
    pub lead_institution_id: Option<InstitutionId>,
    /// Supporting state actors.
    pub supporting_institution_ids: Vec<InstitutionId>,
    /// Supporting civil society, private sector and other actors.
    pub other_supporters: String,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub access_to_information: bool,
    pub civic_participation: bool,
    pub public_accountability: bool,
    pub technology_innovation: bool,
    pub contact_name: String,
    pub contact_title: String,
    pub contact_department: String,
    pub contact_email: String,
    pub contact_phone: String,
    /// How much it counts among its area's and its plan's commitments in the roll-up of
    /// progress (1: equal).
    pub weight: u32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// One change to one field of a commitment, as the interface sends it when a field is saved.
/// Texts and dates are raw (as typed); [`CommitmentEdit::parse`] validates them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "camelCase")]
pub enum CommitmentEdit {
    Title(String),
    BriefDescription(String),
    Problem(String),
    Causes(String),
    DoneSoFar(String),
    Solution(String),
    ExpectedResults(String),
    Transparency(String),
    Accountability(String),
    Participation(String),
    AreaId(AreaId),
    LeadInstitutionId(Option<InstitutionId>),
    SupportingInstitutionIds(Vec<InstitutionId>),
    OtherSupporters(String),
    /// `YYYY-MM-DD`, or empty for none.
    StartDate(String),
    /// `YYYY-MM-DD`, or empty for none.
    EndDate(String),
    AccessToInformation(bool),
    CivicParticipation(bool),
    PublicAccountability(bool),
    TechnologyInnovation(bool),
    ContactName(String),
    ContactTitle(String),
    ContactDepartment(String),
    ContactEmail(String),
    ContactPhone(String),
    /// From 1 to [`crate::WEIGHT_MAX`].
    Weight(u32),
}

/// The free-text fields of a commitment, each stored in its own column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommitmentText {
    BriefDescription,
    Problem,
    Causes,
    DoneSoFar,
    Solution,
    ExpectedResults,
    Transparency,
    Accountability,
    Participation,
    OtherSupporters,
    ContactName,
    ContactTitle,
    ContactDepartment,
    ContactEmail,
    ContactPhone,
}

impl CommitmentText {
    /// Column of the `commitment` table that holds this text.
    pub fn column(self) -> &'static str {
        match self {
            CommitmentText::BriefDescription => "brief_description",
            CommitmentText::Problem => "problem",
            CommitmentText::Causes => "causes",
            CommitmentText::DoneSoFar => "done_so_far",
            CommitmentText::Solution => "solution",
            CommitmentText::ExpectedResults => "expected_results",
            CommitmentText::Transparency => "transparency",
            CommitmentText::Accountability => "accountability",
            CommitmentText::Participation => "participation",
            CommitmentText::OtherSupporters => "other_supporters",
            CommitmentText::ContactName => "contact_name",
            CommitmentText::ContactTitle => "contact_title",
            CommitmentText::ContactDepartment => "contact_department",
            CommitmentText::ContactEmail => "contact_email",
            CommitmentText::ContactPhone => "contact_phone",
        }
    }
}

/// The four OGP values a commitment may be relevant to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OgpValue {
    AccessToInformation,
    CivicParticipation,
    PublicAccountability,
    TechnologyInnovation,
}

impl OgpValue {
    pub fn column(self) -> &'static str {
        match self {
            OgpValue::AccessToInformation => "access_to_information",
            OgpValue::CivicParticipation => "civic_participation",
            OgpValue::PublicAccountability => "public_accountability",
            OgpValue::TechnologyInnovation => "technology_innovation",
        }
    }
}

/// A validated change, ready to be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommitmentChange {
    Title(Title),
    Text(CommitmentText, String),
    Area(AreaId),
    Lead(Option<InstitutionId>),
    Supporting(Vec<InstitutionId>),
    StartDate(Option<NaiveDate>),
    EndDate(Option<NaiveDate>),
    Value(OgpValue, bool),
    Weight(u32),
}

/// What a date change is checked against: the plan's period and the commitment's other date.
#[derive(Debug, Clone, Copy)]
pub struct CommitmentDates {
    pub period: Period,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

impl CommitmentEdit {
    /// Name of the field in the interface (and in error reports).
    pub fn field(&self) -> &'static str {
        match self {
            CommitmentEdit::Title(_) => "title",
            CommitmentEdit::BriefDescription(_) => "briefDescription",
            CommitmentEdit::Problem(_) => "problem",
            CommitmentEdit::Causes(_) => "causes",
            CommitmentEdit::DoneSoFar(_) => "doneSoFar",
            CommitmentEdit::Solution(_) => "solution",
            CommitmentEdit::ExpectedResults(_) => "expectedResults",
            CommitmentEdit::Transparency(_) => "transparency",
            CommitmentEdit::Accountability(_) => "accountability",
            CommitmentEdit::Participation(_) => "participation",
            CommitmentEdit::AreaId(_) => "areaId",
            CommitmentEdit::LeadInstitutionId(_) => "leadInstitutionId",
            CommitmentEdit::SupportingInstitutionIds(_) => "supportingInstitutionIds",
            CommitmentEdit::OtherSupporters(_) => "otherSupporters",
            CommitmentEdit::StartDate(_) => "startDate",
            CommitmentEdit::EndDate(_) => "endDate",
            CommitmentEdit::AccessToInformation(_) => "accessToInformation",
            CommitmentEdit::CivicParticipation(_) => "civicParticipation",
            CommitmentEdit::PublicAccountability(_) => "publicAccountability",
            CommitmentEdit::TechnologyInnovation(_) => "technologyInnovation",
            CommitmentEdit::ContactName(_) => "contactName",
            CommitmentEdit::ContactTitle(_) => "contactTitle",
            CommitmentEdit::ContactDepartment(_) => "contactDepartment",
            CommitmentEdit::ContactEmail(_) => "contactEmail",
            CommitmentEdit::ContactPhone(_) => "contactPhone",
            CommitmentEdit::Weight(_) => "weight",
        }
    }

    /// Validates the change. Dates are checked against the plan's period and the other date of
    /// the commitment; references (area, institutions) are checked by the store.
    pub fn parse(&self, dates: CommitmentDates) -> Result<CommitmentChange, Invalid> {
        use CommitmentEdit as E;
        use CommitmentText as T;
        let long = |kind: T, raw: &str| LongText::parse(raw).map(|t| CommitmentChange::Text(kind, t.into_string()));
        let short = |kind: T, raw: &str| ShortText::parse(raw).map(|t| CommitmentChange::Text(kind, t.into_string()));
        let result = match self {
            E::Title(raw) => Title::parse(raw).map(CommitmentChange::Title),
            E::BriefDescription(raw) => long(T::BriefDescription, raw),
            E::Problem(raw) => long(T::Problem, raw),
            E::Causes(raw) => long(T::Causes, raw),
            E::DoneSoFar(raw) => long(T::DoneSoFar, raw),
            E::Solution(raw) => long(T::Solution, raw),
            E::ExpectedResults(raw) => long(T::ExpectedResults, raw),
            E::Transparency(raw) => long(T::Transparency, raw),
            E::Accountability(raw) => long(T::Accountability, raw),
            E::Participation(raw) => long(T::Participation, raw),
            E::OtherSupporters(raw) => long(T::OtherSupporters, raw),
            E::AreaId(id) => Ok(CommitmentChange::Area(*id)),
            E::LeadInstitutionId(id) => Ok(CommitmentChange::Lead(*id)),
            E::SupportingInstitutionIds(ids) => {
                let mut unique = Vec::with_capacity(ids.len());
                for id in ids {
                    if !unique.contains(id) {
                        unique.push(*id);
                    }
                }
                Ok(CommitmentChange::Supporting(unique))
            }
            E::StartDate(raw) => parse_optional_date(raw)
                .and_then(|d| dates.period.check(d))
                .and_then(|d| check_order(d, dates.end).map(|_| d))
                .map_err(|problem| match problem {
                    // The start is fine on its own but after the end: say so about the start.
                    Problem::EndBeforeStart { .. } => Problem::StartAfterEnd { end: dates.end.unwrap_or_default() },
                    other => other,
                })
                .map(CommitmentChange::StartDate),
            E::EndDate(raw) => parse_optional_date(raw)
                .and_then(|d| dates.period.check(d))
                .and_then(|d| check_order(dates.start, d).map(|_| d))
                .map(CommitmentChange::EndDate),
            E::AccessToInformation(v) => Ok(CommitmentChange::Value(OgpValue::AccessToInformation, *v)),
            E::CivicParticipation(v) => Ok(CommitmentChange::Value(OgpValue::CivicParticipation, *v)),
            E::PublicAccountability(v) => Ok(CommitmentChange::Value(OgpValue::PublicAccountability, *v)),
            E::TechnologyInnovation(v) => Ok(CommitmentChange::Value(OgpValue::TechnologyInnovation, *v)),
            E::ContactName(raw) => short(T::ContactName, raw),
            E::ContactTitle(raw) => short(T::ContactTitle, raw),
            E::ContactDepartment(raw) => short(T::ContactDepartment, raw),
            E::ContactEmail(raw) => Email::parse(raw).map(|e| CommitmentChange::Text(T::ContactEmail, e.into_string())),
            E::ContactPhone(raw) => Phone::parse(raw).map(|p| CommitmentChange::Text(T::ContactPhone, p.into_string())),
            E::Weight(weight) => crate::parse_weight(*weight).map(CommitmentChange::Weight),
        };
        result.map_err(|problem| problem.on(self.field()))
    }
}

impl Commitment {
    /// The template fields a person is expected to fill, and how many of them are filled: a
    /// drafter's measure of how far along the commitment is.
    pub fn completeness(&self) -> (u32, u32) {
        let texts = [
            &self.brief_description,
            &self.problem,
            &self.causes,
            &self.done_so_far,
            &self.solution,
            &self.expected_results,
            &self.transparency,
            &self.accountability,
            &self.participation,
            &self.contact_name,
            &self.contact_email,
        ];
        let filled_texts = texts.iter().filter(|t| !t.trim().is_empty()).count();
        let others = [
            self.lead_institution_id.is_some(),
            self.start_date.is_some(),
            self.end_date.is_some(),
            self.access_to_information
                || self.civic_participation
                || self.public_accountability
                || self.technology_innovation,
        ];
        let filled_others = others.iter().filter(|b| **b).count();
        ((filled_texts + filled_others) as u32, (texts.len() + others.len()) as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn dates(start: Option<&str>, end: Option<&str>) -> CommitmentDates {
        CommitmentDates {
            period: Period::new(d("2021-12-17"), d("2023-12-31")).unwrap(),
            start: start.map(d),
            end: end.map(d),
        }
    }

    #[test]
    fn an_edit_travels_as_field_and_value() {
        let edit: CommitmentEdit = serde_json::from_str(r#"{"field":"contactEmail","value":"a@b.fr"}"#).unwrap();
        assert_eq!(edit, CommitmentEdit::ContactEmail("a@b.fr".into()));
        let edit: CommitmentEdit = serde_json::from_str(r#"{"field":"leadInstitutionId","value":null}"#).unwrap();
        assert_eq!(edit, CommitmentEdit::LeadInstitutionId(None));
    }

    #[test]
    fn an_empty_title_is_refused_on_the_title_field() {
        let invalid = CommitmentEdit::Title("  ".into()).parse(dates(None, None)).unwrap_err();
        assert_eq!(invalid, Problem::Required.on("title"));
    }

    #[test]
    fn a_bad_contact_e_mail_is_refused() {
        let invalid = CommitmentEdit::ContactEmail("marie.curie".into()).parse(dates(None, None)).unwrap_err();
        assert_eq!(invalid.field, "contactEmail");
        assert_eq!(invalid.problem, Problem::Email);
    }

    #[test]
    fn dates_must_fall_in_the_plan_period_and_in_order() {
        let outside = CommitmentEdit::EndDate("2024-06-30".into()).parse(dates(None, None)).unwrap_err();
        assert!(matches!(outside.problem, Problem::OutsidePeriod { .. }));
        let before = CommitmentEdit::EndDate("2022-01-01".into()).parse(dates(Some("2022-06-01"), None)).unwrap_err();
        assert!(matches!(before.problem, Problem::EndBeforeStart { .. }));
        let after = CommitmentEdit::StartDate("2023-01-01".into()).parse(dates(None, Some("2022-06-01"))).unwrap_err();
        assert_eq!(after.field, "startDate");
        assert!(matches!(after.problem, Problem::StartAfterEnd { .. }));
        assert_eq!(
            CommitmentEdit::StartDate("".into()).parse(dates(None, Some("2022-06-01"))),
            Ok(CommitmentChange::StartDate(None))
        );
    }

    #[test]
    fn supporting_institutions_are_kept_once_each_in_order() {
        let a = InstitutionId::new();
        let b = InstitutionId::new();
        let change = CommitmentEdit::SupportingInstitutionIds(vec![a, b, a]).parse(dates(None, None)).unwrap();
        assert_eq!(change, CommitmentChange::Supporting(vec![a, b]));
    }
}
