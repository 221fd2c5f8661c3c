//! Desktop notifications of the "À faire" list: what is new since the person was last told, as
//! one notification — « 3 jalons en retard, 2 à échéance dans les 30 jours » rather than five —
//! worded here once, in French or English. Which items are new is the store's to say
//! (`Store::take_due_news_on`); showing it is the shell's.

use crate::dashboard::{DueKind, DueMilestone, DUE_SOON_DAYS};
use crate::locale::Locale;

/// How many milestones a notification names; the others are counted.
pub const NOTICE_NAMED: usize = 3;

/// A milestone's title longer than this is cut in a notification (the list has it whole).
const TITLE_CHARS: usize = 80;

/// A desktop notification, worded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub title: String,
    pub body: String,
}

/// One notification for the milestones that became late or due soon since the last one: the
/// counts in the title, the first [`NOTICE_NAMED`] milestones in the body (the late ones first,
/// the longest late first, then the soonest due) and where to see them all. `None` when nothing
/// is new.
pub fn due_notice(news: &[DueMilestone], locale: Locale) -> Option<Notice> {
    if news.is_empty() {
        return None;
    }
    let mut items: Vec<&DueMilestone> = news.iter().collect();
    items.sort_by_key(|item| (item.kind, item.due_date));
    let overdue = items.iter().filter(|item| item.kind == DueKind::Overdue).count() as u64;
    let due_soon = items.len() as u64 - overdue;

    let late =
        locale.count(overdue, ("jalon en retard", "jalons en retard"), ("milestone overdue", "milestones overdue"));
    let soon = |with_noun: bool| {
        let (fr, en) =
            (format!("à échéance dans les {DUE_SOON_DAYS} jours"), format!("due within {DUE_SOON_DAYS} days"));
        if with_noun {
            let noun = locale.count(due_soon, ("jalon", "jalons"), ("milestone", "milestones"));
            format!("{noun} {}", locale.pick(fr, en))
        } else {
            format!("{due_soon} {}", locale.pick(fr, en))
        }
    };
    let title = match (overdue, due_soon) {
        (_, 0) => late,
        (0, _) => soon(true),
        _ => format!("{late}, {}", soon(false)),
    };

    let mut lines: Vec<String> = items.iter().take(NOTICE_NAMED).map(|item| line(item, locale)).collect();
    let more = items.len().saturating_sub(NOTICE_NAMED) as u64;
    lines.push(if more > 0 {
        let others = locale.count(more, ("autre", "autres"), ("more", "more"));
        locale.pick(
            format!("… et {others} : voir « À faire » dans Plan ouvert."),
            format!("… and {others}: see “To do” in Plan ouvert."),
        )
    } else {
        locale.pick("Voir « À faire » dans Plan ouvert.", "See “To do” in Plan ouvert.").to_string()
    });
    Some(Notice { title, body: lines.join("\n") })
}

/// « 2.3.1 Publier le jeu de données — en retard de 12 jours ».
fn line(item: &DueMilestone, locale: Locale) -> String {
    let days = |n: u32| locale.count(u64::from(n), ("jour", "jours"), ("day", "days"));
    let when = match (item.kind, item.days) {
        (DueKind::Overdue, n) => locale.pick(format!("en retard de {}", days(n)), format!("{} late", days(n))),
        (DueKind::DueSoon, 0) => locale.pick("échéance aujourd'hui", "due today").to_string(),
        (DueKind::DueSoon, n) => locale.pick(format!("échéance dans {}", days(n)), format!("due in {}", days(n))),
    };
    format!("{} {} — {when}", item.milestone_number, shortened(&item.milestone_title))
}

fn shortened(title: &str) -> String {
    if title.chars().count() <= TITLE_CHARS {
        return title.to_string();
    }
    let cut: String = title.chars().take(TITLE_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::id::{CommitmentId, MilestoneId, PlanId};

    fn item(kind: DueKind, number: &str, title: &str, due: &str, days: u32) -> DueMilestone {
        let due_date = NaiveDate::parse_from_str(due, "%Y-%m-%d").expect("a date");
        let milestone_id = MilestoneId::new();
        DueMilestone {
            key: DueMilestone::key_of(kind, milestone_id, due_date),
            kind,
            plan_id: PlanId::new(),
            plan_title: "Plan".into(),
            commitment_id: CommitmentId::new(),
            commitment_number: "1.1".into(),
            commitment_title: "Engagement".into(),
            milestone_id,
            milestone_number: number.into(),
            milestone_title: title.into(),
            lead_institution: None,
            due_date,
            days,
            status: None,
        }
    }

    fn five() -> Vec<DueMilestone> {
        vec![
            item(DueKind::DueSoon, "1.1.4", "Ouvrir le portail", "2023-03-11", 10),
            item(DueKind::Overdue, "1.1.2", "Publier le schéma", "2023-02-19", 10),
            item(DueKind::DueSoon, "1.1.5", "Former les agents", "2023-03-01", 0),
            item(DueKind::Overdue, "1.1.1", "Consulter les associations", "2023-02-28", 1),
            item(DueKind::Overdue, "1.1.3", "Recenser les données", "2022-03-01", 365),
        ]
    }

    #[test]
    fn five_new_items_make_one_notification_that_counts_them() {
        let notice = due_notice(&five(), Locale::Fr).expect("a notice");
        assert_eq!(notice.title, "3 jalons en retard, 2 à échéance dans les 30 jours");
        assert_eq!(
            notice.body,
            "1.1.3 Recenser les données — en retard de 365 jours\n\
             1.1.2 Publier le schéma — en retard de 10 jours\n\
             1.1.1 Consulter les associations — en retard de 1 jour\n\
             … et 2 autres : voir « À faire » dans Plan ouvert."
        );
        let notice = due_notice(&five(), Locale::En).expect("a notice");
        assert_eq!(notice.title, "3 milestones overdue, 2 due within 30 days");
        assert!(notice.body.starts_with("1.1.3 Recenser les données — 365 days late\n"), "{}", notice.body);
        assert!(notice.body.ends_with("… and 2 more: see “To do” in Plan ouvert."), "{}", notice.body);
    }

    #[test]
    fn one_kind_alone_is_said_with_its_noun_and_each_item_with_its_days() {
        let all = five();
        let soon: Vec<_> = all.iter().filter(|i| i.kind == DueKind::DueSoon).cloned().collect();
        let notice = due_notice(&soon, Locale::Fr).expect("a notice");
        assert_eq!(notice.title, "2 jalons à échéance dans les 30 jours");
        assert_eq!(
            notice.body,
            "1.1.5 Former les agents — échéance aujourd'hui\n\
             1.1.4 Ouvrir le portail — échéance dans 10 jours\n\
             Voir « À faire » dans Plan ouvert."
        );
        assert_eq!(due_notice(&soon[..1], Locale::En).expect("a notice").title, "1 milestone due within 30 days");
        let late = [all[3].clone()];
        assert_eq!(due_notice(&late, Locale::Fr).expect("a notice").title, "1 jalon en retard");
        assert_eq!(due_notice(&late, Locale::En).expect("a notice").title, "1 milestone overdue");
        assert_eq!(due_notice(&[], Locale::Fr), None, "nothing new, nothing said");
    }

    #[test]
    fn a_long_title_is_cut() {
        let long = "Publier ".repeat(20);
        let notice =
            due_notice(&[item(DueKind::Overdue, "2.1.1", &long, "2023-02-01", 28)], Locale::Fr).expect("a notice");
        let first = notice.body.lines().next().expect("a line");
        assert!(first.contains("Publier Publier") && first.contains("… — en retard de 28 jours"), "{first}");
        assert!(first.chars().count() < 120, "{first}");
    }
}
