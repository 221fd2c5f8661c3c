//! Where the app keeps its data.

use std::path::PathBuf;

/// Environment variable that replaces the OS application-data folder: for tests, and for two
/// instances side by side (two laptops of a workshop on one machine).
pub const DATA_DIR_ENV: &str = "PLAN_OUVERT_DATA_DIR";

/// The data folder given by [`DATA_DIR_ENV`], if set and not empty.
pub fn data_dir_from_env() -> Option<PathBuf> {
    std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()).map(PathBuf::from)
}
