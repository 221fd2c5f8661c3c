//! The printable plan says what the app shows: the same numbers for every area, commitment and
//! milestone, and the same labels, on the demonstration plan as the store holds it.

#![allow(clippy::unwrap_used)]

use plan_ouvert_domain::{Labels, Locale, OverviewFilter};
use plan_ouvert_opendata::{export, Dataset};
use plan_ouvert_store::Store;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[test]
fn the_printable_plan_numbers_every_part_as_the_app_shows_it() {
    let mut store = Store::open_in_memory().unwrap();
    let plan = store.load_demo_plan().unwrap();
    let overview = store.plan_overview(plan.id, &OverviewFilter::default()).unwrap();
    let dataset = Dataset { records: store.plan_records(plan.id).unwrap() };
    let html = export::plan_html(&dataset, plan.id.0, Locale::Fr).unwrap();

    let mut milestones = 0;
    for area in &overview.areas {
        assert!(
            html.contains(&format!(
                "<span class=\"number\">Axe {}</span> — {}</h2>",
                area.number,
                escape(&area.area.title)
            )),
            "area {} {}",
            area.number,
            area.area.title
        );
        for commitment in &area.commitments {
            assert!(
                html.contains(&format!(
                    "<span class=\"number\">Engagement {}</span> — {}</h3>",
                    commitment.number,
                    escape(&commitment.title)
                )),
                "commitment {} {}",
                commitment.number,
                commitment.title
            );
            let detail = store.commitment_detail(commitment.id).unwrap();
            assert_eq!(detail.number, commitment.number, "the overview and the commitment screen agree");
            for milestone in &detail.milestones {
                let number = &detail.milestone_numbers[&milestone.id];
                assert!(number.starts_with(&format!("{}.", commitment.number)));
                assert!(
                    html.contains(&format!(
                        "<td class=\"nowrap number\">{number}</td><td>{}</td>",
                        escape(&milestone.title)
                    )),
                    "milestone {number} {}",
                    milestone.title
                );
                milestones += 1;
            }
        }
    }
    assert!(milestones > 0, "the demonstration plan has milestones");
}

#[test]
fn the_printable_plan_uses_the_labels_the_app_shows() {
    let mut store = Store::open_in_memory().unwrap();
    let plan = store.load_demo_plan().unwrap();
    let dataset = Dataset { records: store.plan_records(plan.id).unwrap() };
    for locale in [Locale::Fr, Locale::En] {
        let html = export::plan_html(&dataset, plan.id.0, locale).unwrap();
        let labels = Labels::of(locale);
        // The demonstration plan's commitments have their dates, lead institutions and milestones.
        for label in [
            labels.sections.planning,
            labels.commitment.start_date,
            labels.commitment.lead_institution_id,
            labels.milestone.list,
            labels.milestone.title,
            labels.milestone.due_date,
        ] {
            assert!(html.contains(label), "{label}");
        }
    }
}
