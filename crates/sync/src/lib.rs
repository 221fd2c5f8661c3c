//! Sync of Plan ouvert between laptops and the central plan API, with no storage, network or
//! display in it: the protocol both sides speak ([`protocol`]), who may do what ([`access`]), the
//! per-field merge rules ([`merge`]), the server's side ([`hub`], over a [`ledger::Ledger`]) and the laptop's side
//! ([`replica::Replica`]). The deterministic simulation in `tests/simulation.rs` runs both sides
//! through lost, duplicated and reordered messages and crashes, seed after seed.

pub mod access;
pub mod bundle;
pub mod fields;
pub mod files;
pub mod hub;
pub mod ledger;
pub mod merge;
pub mod protocol;
pub mod replica;
pub mod rules;
