//! File dialogs answered beforehand, for tests that call the commands as the interface does;
//! what each dialog asked is kept.

use std::path::PathBuf;
use std::sync::Mutex;

use plan_ouvert_app::{Event, FileRequest, ScriptedFiles, Shell};
use plan_ouvert_domain::Locale;

#[derive(Debug, Default)]
pub struct Dialogs {
    pub files: ScriptedFiles,
    /// Each dialog opened: what for, and the name it proposed.
    pub asked: Mutex<Vec<(FileRequest, Option<String>)>>,
}

impl Shell for Dialogs {
    fn emit(&self, _: Event) {}

    fn pick_file(&self, request: FileRequest, name: Option<&str>, _: Locale) -> Result<Option<PathBuf>, String> {
        self.asked.lock().unwrap_or_else(|p| p.into_inner()).push((request, name.map(str::to_string)));
        Ok(self.files.next())
    }

    fn open_file(&self, _: &std::path::Path) -> Result<(), String> {
        Err("no viewer in these tests".into())
    }

    fn notify(&self, _: &str, _: &str) -> Result<(), String> {
        Ok(())
    }
}
