//! Co-construction workshops (*ateliers*): a facilitator prepares one (a theme, a place, a date,
//! the information text participants accept), participants come one after another to a shared
//! laptop and give as little as needed, and what they say becomes contributions — proposals,
//! comments on a draft commitment or milestone, priority votes among proposals — that the
//! facilitator later traces to the commitments and milestones they fed, saying what became of
//! each (kept, merged, not kept, and why).
//!
//! Personal data: a participant is the kind of organisation they come from (anonymous, counted
//! in the workshop's public report) and an identity — a first name or a pseudonym; an e-mail
//! address only when they accept to be contacted, with what for; the workshop's information text
//! they accepted, its wording and the day. Erasing a participant's data removes the identity. The data is kept until the workshop's `keepUntil` day, at most [`KEEP_MAX_DAYS`] after
//! it, and stays with the institution that ran the workshop (see the sync crate's access rules).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::id::{AreaId, CommitmentId, ContributionId, InstitutionId, MilestoneId, ParticipantId, PlanId, WorkshopId};
use crate::invalid::{Invalid, Problem, Problems};
use crate::overview::{InstitutionRef, ReadOnly};
use crate::period::parse_required_date;
use crate::text::{Email, LongText, ShortText, Title};

/// The longest a workshop keeps its participants' data after the day it was held (two years:
/// the time a national action plan takes to be drafted and carried out).
pub const KEEP_MAX_DAYS: u32 = 730;
/// What a workshop keeps by default after the day it was held.
pub const KEEP_DEFAULT_DAYS: u32 = 365;
/// The most proposals one priority vote names.
pub const VOTE_MAX: usize = 3;

macro_rules! codes {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $code:literal,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
        #[serde(rename_all = "camelCase")]
        pub enum $name {
            $($(#[$vdoc])* $variant,)*
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];
            pub const CODES: &'static [&'static str] = &[$($code),*];

            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)*
                }
            }

            pub fn from_code(code: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|k| k.code() == code)
            }
        }
    };
}

codes!(
    /// Where a participant comes from, the only thing said of them in a workshop's report.
    OrganisationKind {
        Citizen = "citizen",
        Association = "association",
        Company = "company",
        Administration = "administration",
        ElectedOfficial = "electedOfficial",
    }
);

codes!(
    /// What a participant said.
    ContributionKind {
        /// Something the plan could do.
        Proposal = "proposal",
        /// A remark on a draft commitment or milestone.
        Comment = "comment",
        /// The proposals a participant puts first, in order.
        Vote = "vote",
    }
);

codes!(
    /// What became of a contribution, said by the facilitator.
    ContributionOutcome {
        /// Taken into the plan as it was.
        Kept = "kept",
        /// Taken in together with others, or into an existing commitment.
        Merged = "merged",
        /// Not taken in (the reason is required).
        NotKept = "notKept",
    }
);

/// A workshop as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Workshop {
    pub id: WorkshopId,
    pub plan_id: PlanId,
    /// The institution that runs it, and keeps its participants' data.
    pub institution_id: InstitutionId,
    pub title: String,
    pub held_on: NaiveDate,
    pub place: String,
    /// The engagement area discussed, if the workshop is about one.
    pub area_id: Option<AreaId>,
    /// The draft commitments discussed.
    pub commitment_ids: Vec<CommitmentId>,
    pub facilitator: String,
    /// What participants read and accept before anything of theirs is recorded.
    pub consent_text: String,
    /// The last day participants' data is kept.
    pub keep_until: NaiveDate,
}

/// What a facilitator types to prepare a workshop (or change it).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkshopInput {
    pub title: String,
    /// `YYYY-MM-DD`.
    pub held_on: String,
    pub place: String,
    pub area_id: Option<AreaId>,
    pub commitment_ids: Vec<CommitmentId>,
    pub facilitator: String,
    pub consent_text: String,
    /// `YYYY-MM-DD`.
    pub keep_until: String,
}

/// A workshop's fields, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidWorkshop {
    pub title: Title,
    pub held_on: NaiveDate,
    pub place: ShortText,
    pub area_id: Option<AreaId>,
    pub commitment_ids: Vec<CommitmentId>,
    pub facilitator: ShortText,
    pub consent_text: LongText,
    pub keep_until: NaiveDate,
}

fn required_long(raw: &str) -> Result<LongText, Problem> {
    let text = LongText::parse(raw)?;
    if text.as_str().is_empty() {
        Err(Problem::Required)
    } else {
        Ok(text)
    }
}

impl WorkshopInput {
    /// Checks every field and reports all problems at once: a title, a day, a facilitator, an
    /// information text, distinct commitments, and a keeping day from the workshop's day to
    /// [`KEEP_MAX_DAYS`] after it.
    pub fn parse(&self) -> Result<ValidWorkshop, Vec<Invalid>> {
        let mut problems = Problems::default();
        let title = problems.check("title", Title::parse(&self.title));
        let held_on = problems.check("heldOn", parse_required_date(&self.held_on));
        let place = problems.check("place", ShortText::parse(&self.place));
        let facilitator = problems.check("facilitator", ShortText::parse_required(&self.facilitator));
        let consent_text = problems.check("consentText", required_long(&self.consent_text));
        let keep_until = problems.check("keepUntil", parse_required_date(&self.keep_until));
        let mut distinct = self.commitment_ids.clone();
        distinct.sort();
        distinct.dedup();
        if distinct.len() != self.commitment_ids.len() {
            problems.push(Problem::Duplicate.on("commitmentIds"));
        }
        if let (Some(held), Some(until)) = (held_on, keep_until) {
            if until < held {
                problems.push(Problem::EndBeforeStart { start: held }.on("keepUntil"));
            } else if (until - held).num_days() > i64::from(KEEP_MAX_DAYS) {
                problems.push(Problem::KeptTooLong { max_days: KEEP_MAX_DAYS }.on("keepUntil"));
            }
        }
        problems.finish()?;
        match (title, held_on, place, facilitator, consent_text, keep_until) {
            (Some(title), Some(held_on), Some(place), Some(facilitator), Some(consent_text), Some(keep_until)) => {
                Ok(ValidWorkshop {
                    title,
                    held_on,
                    place,
                    area_id: self.area_id,
                    commitment_ids: self.commitment_ids.clone(),
                    facilitator,
                    consent_text,
                    keep_until,
                })
            }
            _ => unreachable!("every missing value recorded a problem"),
        }
    }
}

/// The default keeping day of a workshop held on `held_on`.
pub fn default_keep_until(held_on: NaiveDate) -> NaiveDate {
    held_on + chrono::Days::new(u64::from(KEEP_DEFAULT_DAYS))
}

/// A participant as stored: anonymous, seen by all (so anyone can count who took part). Who
/// they are is their [`Identity`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Participant {
    pub id: ParticipantId,
    pub workshop_id: WorkshopId,
    pub organisation_kind: OrganisationKind,
}

/// Who a participant is and what they agreed to: personal data, seen only by the people of the
/// institution that ran the workshop, until the workshop's keeping day or until erased (the
/// participant and their contributions then stay, anonymous). Its record has the participant's id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Identity {
    pub participant_id: ParticipantId,
    /// A first name or a pseudonym.
    pub name: String,
    /// The information text as the participant read and accepted it.
    pub consent_wording: String,
    pub consented_on: NaiveDate,
    /// Empty unless the participant accepted to be contacted.
    pub contact_email: String,
    /// What the participant accepted to be contacted for (empty without an address).
    pub contact_purpose: String,
}

/// What is typed for one participant on the workshop's shared laptop.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ParticipantInput {
    pub name: String,
    pub organisation_kind: OrganisationKind,
    /// The participant read and accepted the workshop's information text.
    pub consent_accepted: bool,
    /// The participant accepts to be contacted about what becomes of their contributions.
    pub contact_accepted: bool,
    /// Read only when `contact_accepted`.
    pub contact_email: String,
}

/// A participant's fields, validated: the address only when they accepted to be contacted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidParticipant {
    pub name: ShortText,
    pub organisation_kind: OrganisationKind,
    pub contact_email: Option<Email>,
}

impl ParticipantInput {
    /// A name or pseudonym, the information text accepted, and an e-mail address exactly when
    /// the person accepted to be contacted (an address typed without that agreement is dropped,
    /// never stored).
    pub fn parse(&self) -> Result<ValidParticipant, Vec<Invalid>> {
        let mut problems = Problems::default();
        let name = problems.check("name", ShortText::parse_required(&self.name));
        if !self.consent_accepted {
            problems.push(Problem::ConsentRequired.on("consentAccepted"));
        }
        let contact_email = if self.contact_accepted {
            match Email::parse(&self.contact_email) {
                Ok(email) if email.as_str().is_empty() => {
                    problems.push(Problem::Required.on("contactEmail"));
                    None
                }
                Ok(email) => Some(email),
                Err(problem) => {
                    problems.push(problem.on("contactEmail"));
                    None
                }
            }
        } else {
            None
        };
        problems.finish()?;
        Ok(ValidParticipant {
            name: name.expect("a missing name recorded a problem"),
            organisation_kind: self.organisation_kind,
            contact_email,
        })
    }
}

/// A contribution as stored. Its author is a participant of the workshop, or nobody once that
/// participant's data was erased (or for a contribution written by the facilitator).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Contribution {
    pub id: ContributionId,
    pub workshop_id: WorkshopId,
    pub participant_id: Option<ParticipantId>,
    pub kind: ContributionKind,
    pub text: String,
    /// What a comment is about: a commitment…
    pub about_commitment_id: Option<CommitmentId>,
    /// …or one of its milestones.
    pub about_milestone_id: Option<MilestoneId>,
    /// The proposals a vote puts first, in order.
    pub proposal_ids: Vec<ContributionId>,
    pub outcome: Option<ContributionOutcome>,
    pub outcome_reason: String,
    /// The commitments this contribution fed.
    pub commitment_ids: Vec<CommitmentId>,
    /// The milestones this contribution fed.
    pub milestone_ids: Vec<MilestoneId>,
}

/// What is typed for one contribution in the room.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ContributionInput {
    pub kind: ContributionKind,
    pub text: String,
    pub about_commitment_id: Option<CommitmentId>,
    pub about_milestone_id: Option<MilestoneId>,
    pub proposal_ids: Vec<ContributionId>,
}

/// A contribution's fields, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidContribution {
    pub kind: ContributionKind,
    pub text: LongText,
    pub about_commitment_id: Option<CommitmentId>,
    pub about_milestone_id: Option<MilestoneId>,
    pub proposal_ids: Vec<ContributionId>,
}

impl ContributionInput {
    /// A proposal or a comment says something; a comment is about one commitment or one
    /// milestone (a milestone's commitment need not be given too); a vote names one to
    /// [`VOTE_MAX`] distinct proposals and may say why.
    pub fn parse(&self) -> Result<ValidContribution, Vec<Invalid>> {
        let mut problems = Problems::default();
        let text = problems.check("text", LongText::parse(&self.text));
        let says_nothing = text.as_ref().is_some_and(|t| t.as_str().is_empty());
        let mut about = (self.about_commitment_id, self.about_milestone_id);
        let mut proposal_ids = Vec::new();
        match self.kind {
            ContributionKind::Proposal => {
                if says_nothing {
                    problems.push(Problem::Required.on("text"));
                }
                about = (None, None);
            }
            ContributionKind::Comment => {
                if says_nothing {
                    problems.push(Problem::Required.on("text"));
                }
                if about == (None, None) {
                    problems.push(Problem::Required.on("aboutCommitmentId"));
                }
                if about.1.is_some() {
                    about.0 = None;
                }
            }
            ContributionKind::Vote => {
                about = (None, None);
                let mut distinct = self.proposal_ids.clone();
                distinct.sort();
                distinct.dedup();
                if self.proposal_ids.is_empty() {
                    problems.push(Problem::Required.on("proposalIds"));
                } else if distinct.len() != self.proposal_ids.len() {
                    problems.push(Problem::Duplicate.on("proposalIds"));
                } else if self.proposal_ids.len() > VOTE_MAX {
                    problems.push(Problem::TooMany { max: VOTE_MAX }.on("proposalIds"));
                }
                proposal_ids = self.proposal_ids.clone();
            }
        }
        problems.finish()?;
        Ok(ValidContribution {
            kind: self.kind,
            text: text.expect("a refused text recorded a problem"),
            about_commitment_id: about.0,
            about_milestone_id: about.1,
            proposal_ids,
        })
    }
}

/// What the facilitator says became of a contribution, and what it fed.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TraceInput {
    pub outcome: Option<ContributionOutcome>,
    pub outcome_reason: String,
    pub commitment_ids: Vec<CommitmentId>,
    pub milestone_ids: Vec<MilestoneId>,
}

/// A trace, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidTrace {
    pub outcome: Option<ContributionOutcome>,
    pub outcome_reason: LongText,
    pub commitment_ids: Vec<CommitmentId>,
    pub milestone_ids: Vec<MilestoneId>,
}

impl TraceInput {
    /// A contribution merged or not kept says why; one kept or merged names what it fed; the
    /// lists name each record once.
    pub fn parse(&self) -> Result<ValidTrace, Vec<Invalid>> {
        let mut problems = Problems::default();
        let reason = problems.check("outcomeReason", LongText::parse(&self.outcome_reason));
        let said = reason.as_ref().is_some_and(|r| !r.as_str().is_empty());
        if matches!(self.outcome, Some(ContributionOutcome::Merged | ContributionOutcome::NotKept)) && !said {
            problems.push(Problem::Required.on("outcomeReason"));
        }
        let fed = !self.commitment_ids.is_empty() || !self.milestone_ids.is_empty();
        if matches!(self.outcome, Some(ContributionOutcome::Kept | ContributionOutcome::Merged)) && !fed {
            problems.push(Problem::Required.on("commitmentIds"));
        }
        if has_repeats(&self.commitment_ids) {
            problems.push(Problem::Duplicate.on("commitmentIds"));
        }
        if has_repeats(&self.milestone_ids) {
            problems.push(Problem::Duplicate.on("milestoneIds"));
        }
        problems.finish()?;
        Ok(ValidTrace {
            outcome: self.outcome,
            outcome_reason: reason.expect("a refused reason recorded a problem"),
            commitment_ids: self.commitment_ids.clone(),
            milestone_ids: self.milestone_ids.clone(),
        })
    }
}

/// A workshop as listed on its plan's workshops screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkshopSummary {
    pub workshop: Workshop,
    pub institution: InstitutionRef,
    pub participants: u32,
    pub contributions: u32,
    /// Contributions whose outcome is said.
    pub decided: u32,
}

/// A commitment, or one of its milestones, that a contribution is about or fed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TraceTarget {
    pub commitment_id: CommitmentId,
    pub milestone_id: Option<MilestoneId>,
    /// The commitment's title, or the milestone's.
    pub title: String,
}

/// A commitment of a plan, or one of its milestones, as the workshop screens offer it to choose
/// from (what a workshop discusses, what a comment is about, what a contribution fed): every one
/// of the plan, numbered as the app numbers it, in the order the plan is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanTarget {
    pub area_id: AreaId,
    pub commitment_id: CommitmentId,
    /// A milestone of the commitment, or none for the commitment itself.
    pub milestone_id: Option<MilestoneId>,
    /// `2.3` for a commitment, `2.3.1` for a milestone (see [`crate::numbering`]).
    pub number: String,
    pub title: String,
}

/// One participant on the workshop screen: who they are only on the laptops that hold it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ParticipantView {
    pub participant: Participant,
    pub identity: Option<Identity>,
    pub contributions: u32,
}

/// One contribution on the workshop screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ContributionView {
    pub contribution: Contribution,
    /// The author's first name or pseudonym, on the laptops that hold it.
    pub author: Option<String>,
    /// Where the author comes from (none: written by the facilitator).
    pub author_kind: Option<OrganisationKind>,
    /// What a comment is about.
    pub about: Option<TraceTarget>,
    /// What the contribution fed.
    pub fed: Vec<TraceTarget>,
    /// For a proposal: the votes naming it, and those naming it first.
    pub votes: u32,
    pub first_choices: u32,
}

/// How many participants of one kind took part (the only thing a public report says of them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KindCount {
    pub kind: OrganisationKind,
    pub count: u32,
}

/// Everything the workshop screen needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkshopDetail {
    pub workshop: Workshop,
    pub plan_title: String,
    pub institution: InstitutionRef,
    pub area_title: Option<String>,
    /// The commitments discussed (those still in the plan).
    pub discussed: Vec<TraceTarget>,
    pub participants: Vec<ParticipantView>,
    /// Participants counted by kind, every kind listed.
    pub by_kind: Vec<KindCount>,
    /// Proposals first (by votes), then comments, then votes; each in the order they were made.
    pub contributions: Vec<ContributionView>,
    /// Whether this laptop may hold who the participants are (the institution's own people).
    pub identities_here: bool,
    pub read_only: Option<ReadOnly>,
}

/// A contribution a commitment came from, on the commitment screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TracedContribution {
    pub contribution: Contribution,
    pub workshop_id: WorkshopId,
    pub workshop_title: String,
    pub held_on: NaiveDate,
    /// The milestone of the commitment it fed, when it fed a milestone rather than the whole.
    pub milestone_title: Option<String>,
}

/// Everything this laptop holds about one participant, given back to them on request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ParticipantData {
    pub participant: Participant,
    pub identity: Identity,
    pub workshop_title: String,
    pub held_on: NaiveDate,
    pub place: String,
    pub institution: InstitutionRef,
    /// The day their data is erased at the latest.
    pub keep_until: NaiveDate,
    pub contributions: Vec<Contribution>,
}

/// Counts participants by kind, every kind listed in the order of [`OrganisationKind::ALL`].
pub fn count_by_kind<'a>(participants: impl IntoIterator<Item = &'a Participant>) -> Vec<KindCount> {
    let mut counts: Vec<KindCount> = OrganisationKind::ALL.iter().map(|&kind| KindCount { kind, count: 0 }).collect();
    for participant in participants {
        if let Some(entry) = counts.iter_mut().find(|c| c.kind == participant.organisation_kind) {
            entry.count += 1;
        }
    }
    counts
}

fn has_repeats<T: Ord + Clone>(items: &[T]) -> bool {
    let mut sorted = items.to_vec();
    sorted.sort();
    sorted.dedup();
    sorted.len() != items.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workshop() -> WorkshopInput {
        WorkshopInput {
            title: "Atelier transparence de la vie publique".into(),
            held_on: "2027-03-12".into(),
            place: "Salle 204, Ségur".into(),
            area_id: None,
            commitment_ids: Vec::new(),
            facilitator: "Claire Martin".into(),
            consent_text: "Vos contributions sont enregistrées.".into(),
            keep_until: "2028-03-12".into(),
        }
    }

    fn fields(problems: Vec<Invalid>) -> Vec<&'static str> {
        problems.into_iter().map(|p| p.field).collect()
    }

    #[test]
    fn a_workshop_keeps_its_participants_data_from_its_day_to_two_years_after() {
        assert!(workshop().parse().is_ok());
        let before = WorkshopInput { keep_until: "2027-03-11".into(), ..workshop() };
        assert_eq!(before.parse().unwrap_err()[0].problem, Problem::EndBeforeStart { start: date("2027-03-12") });
        let too_long = WorkshopInput { keep_until: "2029-03-13".into(), ..workshop() };
        assert_eq!(too_long.parse().unwrap_err()[0].problem, Problem::KeptTooLong { max_days: KEEP_MAX_DAYS });
        let last_day = WorkshopInput { keep_until: "2029-03-11".into(), ..workshop() };
        assert!(last_day.parse().is_ok());
        assert_eq!(default_keep_until(date("2027-03-12")), date("2028-03-11"));
    }

    #[test]
    fn a_workshop_needs_a_title_a_day_a_facilitator_and_an_information_text() {
        let empty = WorkshopInput {
            title: " ".into(),
            held_on: "12/03/2027".into(),
            facilitator: String::new(),
            consent_text: "\n".into(),
            ..workshop()
        };
        assert_eq!(fields(empty.parse().unwrap_err()), ["title", "heldOn", "facilitator", "consentText"]);
        let c = CommitmentId::new();
        let twice = WorkshopInput { commitment_ids: vec![c, c], ..workshop() };
        assert_eq!(fields(twice.parse().unwrap_err()), ["commitmentIds"]);
    }

    fn participant() -> ParticipantInput {
        ParticipantInput {
            name: "Awa".into(),
            organisation_kind: OrganisationKind::Association,
            consent_accepted: true,
            contact_accepted: false,
            contact_email: String::new(),
        }
    }

    #[test]
    fn nothing_of_a_participant_is_kept_without_their_agreement() {
        let refused = ParticipantInput { consent_accepted: false, ..participant() };
        let problems = refused.parse().unwrap_err();
        assert_eq!(problems[0].field, "consentAccepted");
        assert_eq!(problems[0].problem, Problem::ConsentRequired);
        // An address typed, then the box unticked: dropped, not stored.
        let typed = ParticipantInput { contact_email: "awa@example.org".into(), ..participant() };
        assert_eq!(typed.parse().unwrap().contact_email, None);
        let contact = ParticipantInput { contact_accepted: true, ..typed };
        assert_eq!(contact.parse().unwrap().contact_email.unwrap().as_str(), "awa@example.org");
        let without = ParticipantInput { contact_accepted: true, ..participant() };
        assert_eq!(without.parse().unwrap_err()[0].problem, Problem::Required);
        let wrong = ParticipantInput { contact_accepted: true, contact_email: "awa@".into(), ..participant() };
        assert_eq!(wrong.parse().unwrap_err()[0].problem, Problem::Email);
        let long = ParticipantInput { name: "a".repeat(ShortText::MAX + 1), ..participant() };
        assert_eq!(long.parse().unwrap_err()[0].field, "name");
        let blank = ParticipantInput { name: "  ".into(), ..participant() };
        assert_eq!(blank.parse().unwrap_err()[0].problem, Problem::Required);
    }

    fn contribution(kind: ContributionKind) -> ContributionInput {
        ContributionInput {
            kind,
            text: "Publier les agendas des ministres.".into(),
            about_commitment_id: None,
            about_milestone_id: None,
            proposal_ids: Vec::new(),
        }
    }

    #[test]
    fn each_kind_of_contribution_says_what_it_must() {
        assert!(contribution(ContributionKind::Proposal).parse().is_ok());
        let empty = ContributionInput { text: " ".into(), ..contribution(ContributionKind::Proposal) };
        assert_eq!(fields(empty.parse().unwrap_err()), ["text"]);
        // A comment is about something; a milestone is enough.
        assert_eq!(fields(contribution(ContributionKind::Comment).parse().unwrap_err()), ["aboutCommitmentId"]);
        let milestone = MilestoneId::new();
        let on_milestone = ContributionInput {
            about_commitment_id: Some(CommitmentId::new()),
            about_milestone_id: Some(milestone),
            ..contribution(ContributionKind::Comment)
        };
        let valid = on_milestone.parse().unwrap();
        assert_eq!((valid.about_commitment_id, valid.about_milestone_id), (None, Some(milestone)));
        // A vote names one to three distinct proposals; its text is optional.
        let vote = |ids: Vec<ContributionId>| ContributionInput {
            text: String::new(),
            proposal_ids: ids,
            ..contribution(ContributionKind::Vote)
        };
        assert_eq!(fields(vote(Vec::new()).parse().unwrap_err()), ["proposalIds"]);
        let p = ContributionId::new();
        assert_eq!(vote(vec![p, p]).parse().unwrap_err()[0].problem, Problem::Duplicate);
        let four = (0..4).map(|_| ContributionId::new()).collect();
        assert_eq!(vote(four).parse().unwrap_err()[0].problem, Problem::TooMany { max: VOTE_MAX });
        assert_eq!(vote(vec![p]).parse().unwrap().proposal_ids, [p]);
        // A proposal is about nothing in particular, whatever the form held.
        let stray = ContributionInput {
            about_commitment_id: Some(CommitmentId::new()),
            ..contribution(ContributionKind::Proposal)
        };
        assert_eq!(stray.parse().unwrap().about_commitment_id, None);
    }

    #[test]
    fn what_became_of_a_contribution_is_said_with_its_reason() {
        let trace = |outcome, reason: &str, commitments: Vec<CommitmentId>| TraceInput {
            outcome,
            outcome_reason: reason.into(),
            commitment_ids: commitments,
            milestone_ids: Vec::new(),
        };
        let c = CommitmentId::new();
        assert!(trace(None, "", Vec::new()).parse().is_ok());
        assert!(trace(Some(ContributionOutcome::Kept), "", vec![c]).parse().is_ok());
        assert_eq!(
            fields(trace(Some(ContributionOutcome::Kept), "", Vec::new()).parse().unwrap_err()),
            ["commitmentIds"]
        );
        assert_eq!(
            fields(trace(Some(ContributionOutcome::NotKept), " ", Vec::new()).parse().unwrap_err()),
            ["outcomeReason"]
        );
        assert!(trace(Some(ContributionOutcome::NotKept), "Hors du champ du plan.", Vec::new()).parse().is_ok());
        assert_eq!(
            fields(trace(Some(ContributionOutcome::Merged), "", vec![c, c]).parse().unwrap_err()),
            ["outcomeReason", "commitmentIds"]
        );
    }

    #[test]
    fn codes_read_back() {
        for kind in OrganisationKind::ALL {
            assert_eq!(OrganisationKind::from_code(kind.code()), Some(*kind));
        }
        assert_eq!(ContributionOutcome::from_code("notKept"), Some(ContributionOutcome::NotKept));
        assert_eq!(ContributionKind::from_code("vote"), Some(ContributionKind::Vote));
        assert_eq!(ContributionKind::from_code("Vote"), None);
    }

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }
}
