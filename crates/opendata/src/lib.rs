//! Open data: the OGP commitment database in, the published plan out.
//!
//! Both directions work on a [`Dataset`]: records as the sync fields they hold (the same names
//! as in the app's store and on the server), keyed by kind and id. Importing produces one; the
//! app's store and the server's ledger each write it in one transaction. Exporting reads one
//! from either.

pub mod dataset;
pub mod export;
pub mod ogp;

pub use dataset::{deterministic_id, Dataset};
