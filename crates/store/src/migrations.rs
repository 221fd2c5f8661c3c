//! Numbered SQL migrations from the top-level `migrations/` folder, applied by
//! `rusqlite_migration` (the version lives in SQLite's `user_version`).

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

include!(concat!(env!("OUT_DIR"), "/migration_files.rs"));

/// File names of the migrations, in the order they are applied.
pub fn names() -> Vec<&'static str> {
    FILES.iter().map(|(name, _)| *name).collect()
}

fn migrations() -> Migrations<'static> {
    Migrations::new(FILES.iter().map(|(_, sql)| M::up(sql)).collect())
}

/// Brings the database to the latest schema, in one transaction per migration.
pub fn apply(conn: &mut Connection) -> Result<(), rusqlite_migration::Error> {
    migrations().to_latest(conn)
}

/// Brings the database to schema `version` exactly (tests of upgrades from older versions).
pub fn apply_up_to(conn: &mut Connection, version: usize) -> Result<(), rusqlite_migration::Error> {
    migrations().to_version(conn, version)
}

/// Number of migrations known to this build.
pub fn latest() -> usize {
    FILES.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migration_files_are_numbered_from_one_without_gaps() {
        for (index, name) in names().iter().enumerate() {
            let number: usize = name
                .split('_')
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("{name} must start with its number, e.g. 0002_name.sql"));
            assert_eq!(number, index + 1, "{name} is out of sequence");
        }
        assert!(latest() >= 1);
    }

    #[test]
    fn the_migrations_are_valid() {
        migrations().validate().expect("valid migrations");
    }
}
