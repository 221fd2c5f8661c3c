//! Tests of the local store, each module one part of a user's story. One test binary for the
//! crate (faster to build than one per file).

mod helpers;

mod commitments;
mod durability;
mod institutions;
mod migrations;
mod milestones;
mod plans;
mod search;
mod sync;
