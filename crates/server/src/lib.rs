//! The central plan API of Plan ouvert: the sync endpoints the desktop apps talk to, over the
//! sync rules of `plan-ouvert-sync` with the state in SQLite, and the directory of institutions,
//! people and tokens that the administrator manages from the command line.

pub mod api;
pub mod database;
pub mod directory;
pub mod ledger;
pub mod openapi;
pub mod opendata;
pub mod routes;
