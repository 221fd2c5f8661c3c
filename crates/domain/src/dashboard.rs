//! Following the plan at a glance: the dashboard of a plan (progress by engagement area and by
//! lead institution, milestones by status, what is late, what is due soon, the latest reports)
//! and the "À faire" list of the person signed in.
//!
//! The figures are the roll-up of [`crate::progress`] (`commitment_share`, `weighted_share`,
//! `percent`), computed by the store: nothing here computes progress again. What this module
//! adds is the one rule of what is late and what is due soon ([`due_state`]), which the
//! dashboard, the "À faire" list and desktop notifications (`notice.rs`) share.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::id::{AreaId, CommitmentId, MilestoneId, PlanId, ReportId};
use crate::locale::Locale;
use crate::overview::InstitutionRef;
use crate::plan::Plan;
use crate::progress::ProgressStatus;

/// How many days ahead a milestone counts as due soon (today included).
pub const DUE_SOON_DAYS: u32 = 30;

/// How many reports the dashboard lists, the latest first.
pub const RECENT_REPORTS: usize = 10;

/// Where a dated milestone stands against the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum DueKind {
    /// Its due date is past and it is neither complete nor withdrawn.
    Overdue,
    /// It is due today or within [`DUE_SOON_DAYS`] days, and neither complete nor withdrawn.
    DueSoon,
}

impl DueKind {
    pub fn code(self) -> &'static str {
        match self {
            DueKind::Overdue => "overdue",
            DueKind::DueSoon => "dueSoon",
        }
    }
}

/// The rule of what is late and what is due soon, on `today`, for a milestone due on `due`
/// whose latest report says `status` (none: nothing reported), of a commitment whose own latest
/// report says `commitment`. A milestone complete or withdrawn, or of a withdrawn commitment, is
/// never late nor due; one without a due date neither. Returns the kind and the days: late by
/// (at least 1) or left (0: due today).
pub fn due_state(
    due: Option<NaiveDate>,
    status: Option<ProgressStatus>,
    commitment: Option<ProgressStatus>,
    today: NaiveDate,
) -> Option<(DueKind, u32)> {
    let due = due?;
    if matches!(status, Some(ProgressStatus::Complete | ProgressStatus::Withdrawn))
        || commitment == Some(ProgressStatus::Withdrawn)
    {
        return None;
    }
    let days = (due - today).num_days();
    let whole = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
    if days < 0 {
        Some((DueKind::Overdue, whole(-days)))
    } else if days <= i64::from(DUE_SOON_DAYS) {
        Some((DueKind::DueSoon, whole(days)))
    } else {
        None
    }
}

/// A milestone late or due soon: a line of the dashboard and an item of the "À faire" list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DueMilestone {
    /// Names this item for good ([`DueMilestone::key_of`]): the same milestone, due date and kind
    /// give the same key on every reading, so whatever shows the list once (a notification)
    /// can remember what it showed. It changes when the milestone becomes late or its due date
    /// moves: that is news again.
    pub key: String,
    pub kind: DueKind,
    pub plan_id: PlanId,
    pub plan_title: String,
    pub commitment_id: CommitmentId,
    /// The commitment's number in the plan (`2.3`).
    pub commitment_number: String,
    pub commitment_title: String,
    pub milestone_id: MilestoneId,
    /// The milestone's number in the plan (`2.3.1`).
    pub milestone_number: String,
    pub milestone_title: String,
    /// The commitment's lead institution, which reports on it; none while it has none.
    pub lead_institution: Option<InstitutionRef>,
    pub due_date: NaiveDate,
    /// Days late (overdue, at least 1) or days left (due soon; 0: today).
    pub days: u32,
    /// Its latest report's status; none reported yet.
    pub status: Option<ProgressStatus>,
}

impl DueMilestone {
    /// The stable key of an item: its kind, its milestone and its due date.
    pub fn key_of(kind: DueKind, milestone: MilestoneId, due: NaiveDate) -> String {
        format!("{}/{milestone}/{}", kind.code(), due.format("%Y-%m-%d"))
    }
}

/// An engagement area's progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AreaProgress {
    pub area_id: AreaId,
    /// Its number in the plan (`2`).
    pub number: String,
    pub title: String,
    pub commitments: u32,
    /// The weighted mean of its commitments' progress, as a whole percentage; none when none
    /// counts (no commitment, or all withdrawn).
    pub progress: Option<u32>,
}

/// A lead institution's share of the plan: the commitments it leads and how far along they are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InstitutionProgress {
    /// None: the commitments that have no lead institution yet.
    pub institution: Option<InstitutionRef>,
    pub commitments: u32,
    /// The weighted mean of its commitments' progress (weights of the commitments), as a whole
    /// percentage; none when none counts.
    pub progress: Option<u32>,
    /// Milestones of its commitments that are late.
    pub overdue: u32,
}

/// How many milestones stand at a status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StatusCount {
    /// None: no report yet.
    pub status: Option<ProgressStatus>,
    pub milestones: u32,
}

/// A report as the dashboard lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecentReport {
    pub report_id: ReportId,
    pub reported_on: NaiveDate,
    pub status: ProgressStatus,
    pub commitment_id: CommitmentId,
    pub commitment_number: String,
    pub commitment_title: String,
    /// The milestone reported on; none for a report on the commitment as a whole.
    pub milestone_id: Option<MilestoneId>,
    pub milestone_number: Option<String>,
    pub milestone_title: Option<String>,
    pub author_name: String,
    /// The institution in whose name it was made.
    pub institution: Option<InstitutionRef>,
    pub on_behalf: bool,
}

/// The plan at a glance, on one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanDashboard {
    pub plan: Plan,
    /// The day the figures are for: the laptop's date.
    pub today: NaiveDate,
    /// The plan's progress; none when no commitment counts.
    pub progress: Option<u32>,
    pub commitment_count: u32,
    pub milestone_count: u32,
    /// Every area, in order.
    pub areas: Vec<AreaProgress>,
    /// Every lead institution of a commitment of the plan, by name (those without a lead last).
    pub institutions: Vec<InstitutionProgress>,
    /// Milestones by latest status: "no report" first, then the scale in its order; every step
    /// is there, with 0 when none stands at it.
    pub milestone_statuses: Vec<StatusCount>,
    /// Late milestones, the longest late first.
    pub overdue: Vec<DueMilestone>,
    /// Milestones due within [`DUE_SOON_DAYS`] days, the soonest first.
    pub due_soon: Vec<DueMilestone>,
    /// The [`RECENT_REPORTS`] latest reports, by the date they describe, the latest first.
    pub recent_reports: Vec<RecentReport>,
    /// [`DUE_SOON_DAYS`], for the screen to say.
    pub due_soon_days: u32,
}

/// Whose milestones the "À faire" list holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum TodoScope {
    /// Nobody signed in on this laptop: every commitment's.
    Everyone,
    /// A coordinator: every institution's.
    Coordination,
    /// The commitments the person's institution leads.
    Institution { name: String },
}

/// What is late and due soon for the person signed in, across the plans of this laptop (not
/// those of the reference library): a plain list, which desktop notifications read too.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TodoList {
    /// The day the list is for: the laptop's date.
    pub today: NaiveDate,
    pub scope: TodoScope,
    /// Late then due soon, by due date (the oldest first), then by number.
    pub items: Vec<DueMilestone>,
    /// How many plans the items come from (to name the plan of each when more than one).
    pub plans: u32,
    /// The reporting rounds with reports still expected (see [`crate::round`]), the first due
    /// first.
    pub rounds: Vec<crate::round::RoundDue>,
    pub due_soon_days: u32,
}

/// The charts of the dashboard a person can save as an image.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum DashboardChart {
    Areas,
    Institutions,
    Statuses,
}

impl DashboardChart {
    /// What the chart shows, as its image file is named.
    pub fn file_label(self, locale: Locale) -> &'static str {
        match self {
            DashboardChart::Areas => locale.pick("Avancement par axe", "Progress by area"),
            DashboardChart::Institutions => {
                locale.pick("Avancement par institution porteuse", "Progress by lead institution")
            }
            DashboardChart::Statuses => locale.pick("Jalons par état d'avancement", "Milestones by status"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
    }

    #[test]
    fn late_is_before_today_and_soon_is_within_thirty_days() {
        use ProgressStatus::*;
        let today = day("2023-03-01");
        let state = |due: &str, status| due_state(Some(day(due)), status, Some(Limited), today);
        assert_eq!(state("2023-02-28", None), Some((DueKind::Overdue, 1)));
        assert_eq!(state("2022-03-01", Some(Substantial)), Some((DueKind::Overdue, 365)));
        assert_eq!(state("2023-03-01", Some(NotStarted)), Some((DueKind::DueSoon, 0)));
        assert_eq!(state("2023-03-31", Some(Limited)), Some((DueKind::DueSoon, 30)));
        assert_eq!(state("2023-04-01", None), None, "31 days ahead");
        // Complete or withdrawn, or of a withdrawn commitment: nothing to do, whatever the date.
        assert_eq!(state("2022-01-01", Some(Complete)), None);
        assert_eq!(state("2023-03-02", Some(Withdrawn)), None);
        assert_eq!(due_state(Some(day("2023-02-28")), None, Some(Withdrawn), today), None);
        assert_eq!(due_state(Some(day("2023-02-28")), Some(Limited), None, today), Some((DueKind::Overdue, 1)));
        assert_eq!(due_state(None, None, None, today), None);
    }

    #[test]
    fn the_rule_as_worded_says_the_days_of_the_rule() {
        use crate::labels::ProgressLabels;
        assert!(ProgressLabels::FR.due_rule.contains(&format!("{DUE_SOON_DAYS} jours")));
        assert!(ProgressLabels::EN.due_rule.contains(&format!("{DUE_SOON_DAYS} days")));
    }

    #[test]
    fn an_item_keeps_its_key_until_it_becomes_news_again() {
        let milestone = MilestoneId::new();
        let key = DueMilestone::key_of(DueKind::DueSoon, milestone, day("2023-03-31"));
        assert_eq!(key, format!("dueSoon/{milestone}/2023-03-31"));
        assert_eq!(key, DueMilestone::key_of(DueKind::DueSoon, milestone, day("2023-03-31")));
        assert_ne!(key, DueMilestone::key_of(DueKind::Overdue, milestone, day("2023-03-31")));
        assert_ne!(key, DueMilestone::key_of(DueKind::DueSoon, milestone, day("2023-04-30")));
    }
}
