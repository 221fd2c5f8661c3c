//! Integration tests of the real `plan-ouvert-server` binary on a loopback port, with a
//! temporary database, administered through its own command line.

// Tests say what they expect with unwrap: a failure there is the test failing, with its line.
#![allow(clippy::unwrap_used)]

mod helpers;

mod admin;
mod guarantees;
mod jury;
mod open_data;
mod openapi;
mod permissions;
mod reports;
mod robustness;
mod sync;
mod workshops;
