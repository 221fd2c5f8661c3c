//! The plan at a glance (its dashboard) and the "À faire" list of the person signed in, on a
//! given day.
//!
//! Both read a plan the same way ([`PlanFacts`]): its areas, commitments and milestones in the
//! order the plan is shown in and numbered by [`numbering`], each timeline's latest status
//! ([`crate::report::latest_statuses`]) and each commitment's share of the work done
//! ([`crate::report::commitment_shares`]). Areas, institutions and the plan are weighted means of
//! those shares ([`weighted_share`]); what is late or due soon is [`due_state`]'s rule. Nothing
//! here rolls progress up another way.

use std::collections::HashMap;

use chrono::NaiveDate;
use plan_ouvert_domain::{
    due_state, numbering, percent, weighted_share, Area, AreaProgress, CommitmentId, DueKind, DueMilestone,
    Institution, InstitutionId, InstitutionProgress, InstitutionRef, MilestoneId, Plan, PlanDashboard, PlanId,
    ProgressStatus, RecentReport, StatusCount, TodoList, TodoScope, DUE_SOON_DAYS, RECENT_REPORTS,
};
use plan_ouvert_sync::access::Role;
use rusqlite::Connection;

use crate::read::{
    read_areas, read_institutions, read_plan, read_plan_commitment_heads, read_plan_milestone_heads, read_plans,
    CommitmentHead, MilestoneHead,
};
use crate::{Result, Store};

/// A commitment with its number and its milestones (each with its number), in plan order.
struct Numbered {
    commitment: CommitmentHead,
    number: String,
    milestones: Vec<(MilestoneHead, String)>,
}

/// What the dashboard and the "À faire" list read of a plan.
struct PlanFacts {
    plan: Plan,
    /// Areas in order, with their number and their commitments in order.
    areas: Vec<(Area, String, Vec<Numbered>)>,
    statuses: HashMap<(CommitmentId, Option<MilestoneId>), ProgressStatus>,
    shares: HashMap<CommitmentId, Option<f64>>,
    institutions: HashMap<InstitutionId, Institution>,
}

impl PlanFacts {
    fn read(conn: &Connection, plan: PlanId) -> Result<Self> {
        let plan = read_plan(conn, plan)?;
        let statuses = crate::report::latest_statuses(conn, plan.id)?;
        // Without their texts: only titles are shown.
        let commitments = read_plan_commitment_heads(conn, plan.id)?;
        let milestones = read_plan_milestone_heads(conn, plan.id)?;
        let shares = crate::report::commitment_shares(
            &statuses,
            commitments.iter().map(|c| c.id),
            milestones.iter().map(|m| (m.commitment_id, m.id, m.weight)),
        );
        let mut by_commitment: HashMap<CommitmentId, Vec<MilestoneHead>> = HashMap::new();
        for milestone in milestones {
            by_commitment.entry(milestone.commitment_id).or_default().push(milestone);
        }
        let mut commitments = commitments;
        let areas = read_areas(conn, plan.id)?
            .into_iter()
            .enumerate()
            .map(|(area_rank, area)| {
                // Numbered as the overview numbers them: by rank within the area.
                let (in_area, rest): (Vec<_>, Vec<_>) =
                    std::mem::take(&mut commitments).into_iter().partition(|c| c.area_id == area.id);
                commitments = rest;
                let numbered = in_area
                    .into_iter()
                    .enumerate()
                    .map(|(rank, commitment)| {
                        let number = numbering::commitment_number(area_rank, rank);
                        let milestones = by_commitment
                            .remove(&commitment.id)
                            .unwrap_or_default()
                            .into_iter()
                            .enumerate()
                            .map(|(i, m)| (m, numbering::milestone_number(&number, i)))
                            .collect();
                        Numbered { commitment, number, milestones }
                    })
                    .collect();
                (area, numbering::area_number(area_rank), numbered)
            })
            .collect();
        let institutions = read_institutions(conn)?.into_iter().map(|i| (i.id, i)).collect();
        Ok(PlanFacts { plan, areas, statuses, shares, institutions })
    }

    fn commitments(&self) -> impl Iterator<Item = &Numbered> {
        self.areas.iter().flat_map(|(_, _, commitments)| commitments)
    }

    fn institution(&self, id: Option<InstitutionId>) -> Option<InstitutionRef> {
        id.and_then(|id| self.institutions.get(&id)).map(|i| InstitutionRef {
            id: i.id,
            name: i.name.clone(),
            acronym: i.acronym.clone(),
        })
    }

    fn status(&self, commitment: CommitmentId, milestone: Option<MilestoneId>) -> Option<ProgressStatus> {
        self.statuses.get(&(commitment, milestone)).copied()
    }

    /// The progress of some commitments: the weighted mean of their shares.
    fn progress<'a>(&self, commitments: impl IntoIterator<Item = &'a CommitmentHead>) -> Option<u32> {
        percent(weighted_share(commitments.into_iter().map(|c| (c.weight, self.shares[&c.id]))))
    }

    /// Every milestone late or due soon on `today`, in plan order, with the commitment it
    /// belongs to.
    fn due(&self, today: NaiveDate) -> Vec<(&Numbered, DueMilestone)> {
        let mut items = Vec::new();
        for numbered in self.commitments() {
            let c = &numbered.commitment;
            for (milestone, number) in &numbered.milestones {
                let status = self.status(c.id, Some(milestone.id));
                let state = due_state(milestone.due_date, status, self.status(c.id, None), today);
                let (Some((kind, days)), Some(due_date)) = (state, milestone.due_date) else {
                    continue;
                };
                items.push((
                    numbered,
                    DueMilestone {
                        key: DueMilestone::key_of(kind, milestone.id, due_date),
                        kind,
                        plan_id: self.plan.id,
                        plan_title: self.plan.title.clone(),
                        commitment_id: c.id,
                        commitment_number: numbered.number.clone(),
                        commitment_title: c.title.clone(),
                        milestone_id: milestone.id,
                        milestone_number: number.clone(),
                        milestone_title: milestone.title.clone(),
                        lead_institution: self.institution(c.lead_institution_id),
                        due_date,
                        days,
                        status,
                    },
                ));
            }
        }
        items
    }
}

/// Late items first, then due soon, each by due date (the oldest first); plan order for a tie.
fn by_due_date(items: &mut [DueMilestone]) {
    items.sort_by_key(|item| item.due_date);
}

fn plan_dashboard(conn: &Connection, plan: PlanId, today: NaiveDate) -> Result<PlanDashboard> {
    let facts = PlanFacts::read(conn, plan)?;
    let commitments: Vec<&CommitmentHead> = facts.commitments().map(|n| &n.commitment).collect();
    let due = facts.due(today);

    let areas = facts
        .areas
        .iter()
        .map(|(area, number, in_area)| AreaProgress {
            area_id: area.id,
            number: number.clone(),
            title: area.title.clone(),
            commitments: in_area.len() as u32,
            progress: facts.progress(in_area.iter().map(|n| &n.commitment)),
        })
        .collect();

    // By lead institution, by name; the commitments without one last.
    let mut led: Vec<(Option<InstitutionId>, Vec<&CommitmentHead>)> = Vec::new();
    for c in &commitments {
        match led.iter_mut().find(|(lead, _)| *lead == c.lead_institution_id) {
            Some((_, list)) => list.push(c),
            None => led.push((c.lead_institution_id, vec![c])),
        }
    }
    let mut institutions: Vec<InstitutionProgress> = led
        .into_iter()
        .map(|(lead, list)| InstitutionProgress {
            institution: facts.institution(lead),
            commitments: list.len() as u32,
            progress: facts.progress(list.iter().copied()),
            overdue: due
                .iter()
                .filter(|(n, item)| item.kind == DueKind::Overdue && n.commitment.lead_institution_id == lead)
                .count() as u32,
        })
        .collect();
    institutions.sort_by_key(|i| (i.institution.is_none(), i.institution.as_ref().map(|i| i.name.to_lowercase())));

    let milestone_statuses = std::iter::once(None)
        .chain(ProgressStatus::ALL.into_iter().map(Some))
        .map(|status| StatusCount {
            status,
            milestones: facts
                .commitments()
                .flat_map(|n| n.milestones.iter().map(|(m, _)| facts.status(n.commitment.id, Some(m.id))))
                .filter(|s| *s == status)
                .count() as u32,
        })
        .collect();

    let (mut overdue, mut due_soon): (Vec<DueMilestone>, Vec<DueMilestone>) =
        due.into_iter().map(|(_, item)| item).partition(|item| item.kind == DueKind::Overdue);
    by_due_date(&mut overdue);
    by_due_date(&mut due_soon);

    let numbers: HashMap<CommitmentId, &Numbered> = facts.commitments().map(|n| (n.commitment.id, n)).collect();
    let recent_reports = crate::report::recent_reports(conn, plan, RECENT_REPORTS)?
        .into_iter()
        .filter_map(|report| {
            let numbered = numbers.get(&report.commitment_id)?;
            let milestone = report
                .milestone_id
                .and_then(|id| numbered.milestones.iter().find(|(m, _)| m.id == id))
                .map(|(m, number)| (number.clone(), m.title.clone()));
            let (milestone_number, milestone_title) = milestone.unzip();
            Some(RecentReport {
                report_id: report.id,
                reported_on: report.reported_on,
                status: report.status,
                commitment_id: report.commitment_id,
                commitment_number: numbered.number.clone(),
                commitment_title: numbered.commitment.title.clone(),
                milestone_id: report.milestone_id,
                milestone_number,
                milestone_title,
                author_name: report.author_name,
                institution: facts.institution(Some(report.institution_id)),
                on_behalf: report.on_behalf,
            })
        })
        .collect();

    Ok(PlanDashboard {
        progress: facts.progress(commitments.iter().copied()),
        commitment_count: commitments.len() as u32,
        milestone_count: facts.commitments().map(|n| n.milestones.len() as u32).sum(),
        areas,
        institutions,
        milestone_statuses,
        overdue,
        due_soon,
        recent_reports,
        due_soon_days: DUE_SOON_DAYS,
        today,
        plan: facts.plan,
    })
}

/// What is late or due soon for the person signed in on `today`, across the plans of this
/// laptop that are not of the reference library.
pub(crate) fn todo(conn: &Connection, today: NaiveDate) -> Result<TodoList> {
    let person = crate::setting::signed_in(conn)?;
    let scope = match &person {
        None => TodoScope::Everyone,
        Some(p) if p.role == Role::Coordinator => TodoScope::Coordination,
        Some(p) => TodoScope::Institution { name: p.institution_name.clone() },
    };
    let mut items = Vec::new();
    let mut plans = 0;
    for plan in read_plans(conn)?.into_iter().filter(|p| !p.library) {
        let facts = PlanFacts::read(conn, plan.id)?;
        let before = items.len();
        for (numbered, item) in facts.due(today) {
            let mine = match (&scope, &person) {
                (TodoScope::Institution { .. }, Some(person)) => numbered
                    .commitment
                    .lead_institution_id
                    .and_then(|id| facts.institutions.get(&id))
                    .is_some_and(|lead| crate::access::is_own(person, lead)),
                _ => true,
            };
            if mine {
                items.push(item);
            }
        }
        if items.len() > before {
            plans += 1;
        }
    }
    by_due_date(&mut items);
    let rounds = crate::round::rounds_due(conn, today)?;
    Ok(TodoList { today, scope, items, plans, rounds, due_soon_days: DUE_SOON_DAYS })
}

impl Store {
    /// The plan at a glance on the laptop's date: see [`Store::plan_dashboard_on`].
    pub fn plan_dashboard(&mut self, plan: PlanId) -> Result<PlanDashboard> {
        self.plan_dashboard_on(plan, chrono::Local::now().date_naive())
    }

    /// The plan at a glance on `today`: its progress by engagement area and by lead institution,
    /// its milestones by status, those late and those due within [`DUE_SOON_DAYS`] days, and
    /// the latest reports.
    pub fn plan_dashboard_on(&mut self, plan: PlanId, today: NaiveDate) -> Result<PlanDashboard> {
        // One reading: a sync writing meanwhile cannot show half its changes.
        let tx = self.conn.savepoint()?;
        let dashboard = plan_dashboard(&tx, plan, today)?;
        tx.commit()?;
        Ok(dashboard)
    }

    /// The "À faire" list on the laptop's date: see [`Store::todo_on`].
    pub fn todo(&mut self) -> Result<TodoList> {
        self.todo_on(chrono::Local::now().date_naive())
    }

    /// The milestones late or due within [`DUE_SOON_DAYS`] days on `today` for the person
    /// signed in: those of the commitments their institution leads (matched as the server
    /// gives records to institutions), every institution's for a coordinator, and everyone's
    /// while nobody is signed in. Plans of the reference library are left out.
    pub fn todo_on(&mut self, today: NaiveDate) -> Result<TodoList> {
        let tx = self.conn.savepoint()?;
        let list = todo(&tx, today)?;
        tx.commit()?;
        Ok(list)
    }
}
