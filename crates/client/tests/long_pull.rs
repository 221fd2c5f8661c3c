//! A first sync that does not fit in one answer: the laptop shows how far it stands, the
//! reception can be stopped half-way (the app's « Interrompre »), what arrived stays, and the
//! next exchange resumes from there to the same plan as the laptop that wrote it.

// Tests say what they expect with unwrap: a failure there is the test failing, with its line.
#![allow(clippy::unwrap_used)]

mod common;

use std::sync::Mutex;

use common::office_with_plan;
use plan_ouvert_client::PullProgress;
use plan_ouvert_domain::{OverviewFilter, PlanId};
use plan_ouvert_store::Store;
use plan_ouvert_sync::access::Role;

/// The commitments' titles of `plan` on a laptop, in order (none while the plan is not there).
fn titles(laptop: &Mutex<Store>, plan: PlanId) -> Vec<String> {
    let mut store = laptop.lock().unwrap();
    let Ok(overview) = store.plan_overview(plan, &OverviewFilter::default()) else { return Vec::new() };
    overview.areas.iter().flat_map(|a| &a.commitments).map(|c| c.title.clone()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_first_sync_shows_its_progress_stops_when_asked_and_resumes_where_it_stopped() {
    let people = [("Claire", "DITP", Role::Coordinator), ("Hugo", "DITP", Role::Coordinator)];
    let (office, plan) = office_with_plan(&people, 400).await;
    let written = titles(&office.laptops[0], plan);
    assert_eq!(written.len(), 400);

    // Hugo's first sync, stopped after its first page, as the app does when he pauses it.
    let (stop, stopped) = tokio::sync::oneshot::channel::<PullProgress>();
    let mut stop = Some(stop);
    let mut on_page = |progress: PullProgress| {
        if let Some(stop) = stop.take() {
            let _ = stop.send(progress);
        }
    };
    let first = tokio::select! {
        result = office.servers[1].sync_showing(&office.laptops[1], &mut on_page) => panic!("the sync ended in one page: {result:?}"),
        progress = stopped => progress.unwrap(),
    };
    let total = first.total.expect("the server said how much was to come");
    assert!(total > 400, "{total} records to receive: the commitments and the plan's structure");
    assert!(first.received > 0 && first.received < total, "{first:?}");
    assert_eq!(first.time_left(), None, "one short page says nothing of the pace");
    let halfway = titles(&office.laptops[1], plan);
    assert!(halfway.len() < 400, "{} commitments before the reception was stopped", halfway.len());
    assert!(halfway.iter().all(|t| written.contains(t)), "what arrived is what was written");

    // The next exchange resumes: every page after the first is reported, up to the whole.
    let mut seen = Vec::new();
    let report = office.servers[1].sync_showing(&office.laptops[1], &mut |progress| seen.push(progress)).await.unwrap();
    assert!(report.received > 0);
    assert!(!seen.is_empty(), "a long reception again");
    assert!(seen.windows(2).all(|w| w[0].received <= w[1].received), "{seen:?}");
    assert!(seen.iter().skip(1).all(|p| p.time_left().is_some()), "after the first page, the time left: {seen:?}");
    let last = seen.last().unwrap();
    assert_eq!(Some(last.received), last.total, "the last page completes the count: {last:?}");
    assert_eq!(titles(&office.laptops[1], plan), written, "the same plan on both laptops");

    // An ordinary exchange afterwards has nothing long to show.
    let mut again = 0;
    office.servers[1].sync_showing(&office.laptops[1], &mut |_| again += 1).await.unwrap();
    assert_eq!(again, 0);
    office.stop().await;
}
