//! Open data: the OGP commitment database in, the published plan out, the progress workbook an
//! institution fills in and sends back ([`progress_workbook`]), and the applications a citizen
//! jury examines, read from a CSV file ([`jury_applications`]).
//!
//! Both directions of the plan's data work on a [`Dataset`]: records as the sync fields they
//! hold (the same names as in the app's store and on the server), keyed by kind and id.
//! Importing produces one; the app's store and the server's ledger each write it in one
//! transaction. Exporting reads one from either.

pub mod dataset;
pub mod export;
pub mod jury_applications;
pub mod ogp;
pub mod progress_workbook;

pub use dataset::{deterministic_id, Dataset};
