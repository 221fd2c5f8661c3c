//! Tests of the local store, each module one part of a user's story. One test binary for the
//! crate (faster to build than one per file).

// Tests say what they expect with unwrap: a failure there is the test failing, with its line.
#![allow(clippy::unwrap_used)]

mod helpers;

mod commitments;
mod dashboard;
mod durability;
mod exchange;
mod institutions;
mod jury;
mod migrations;
mod milestones;
mod notifications;
mod plans;
mod report_batch;
mod reports;
mod rounds;
mod schema;
mod search;
mod sync;
mod workshops;
