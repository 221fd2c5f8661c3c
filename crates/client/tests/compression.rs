//! A first sync over a slow line: the laptop asks for its pull answers compressed and receives
//! the same plan in a fraction of the bytes; a laptop asking for them as they are receives them
//! whole.

// Tests say what they expect with unwrap: a failure there is the test failing, with its line.
#![allow(clippy::unwrap_used)]

mod common;

use common::office_with_plan;
use plan_ouvert_domain::OverviewFilter;
use plan_ouvert_sync::access::Role;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_plan_arrives_compressed_when_asked_and_the_same_either_way() {
    let people = [
        ("Claire", "DITP", Role::Coordinator),
        ("Hugo", "DITP", Role::Coordinator),
        ("Inès", "DITP", Role::Coordinator),
    ];
    let (mut office, plan) = office_with_plan(&people, 60).await;

    let compressed = office.servers[1].sync(&office.laptops[1]).await.unwrap();
    let plain_server = office.servers.remove(2).without_compression();
    let plain = plain_server.sync(&office.laptops[2]).await.unwrap();
    assert!(
        compressed.pulled_bytes * 3 < plain.pulled_bytes,
        "{} bytes compressed against {} as they are",
        compressed.pulled_bytes,
        plain.pulled_bytes
    );
    let count = |i: usize| {
        office.laptops[i].lock().unwrap().plan_overview(plan, &OverviewFilter::default()).unwrap().commitment_count
    };
    assert_eq!((count(1), count(2)), (60, 60), "the same plan on both laptops");
    office.stop().await;
}
