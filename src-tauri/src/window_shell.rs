//! The core's [`Shell`] in the desktop window: events become Tauri events, a request for a file
//! a native dialog (or, in the command tests, an answer given beforehand), a file to open the
//! system's viewer (or the program [`OPEN_WITH_ENV`] names), a notification the system's.

use std::path::PathBuf;
use std::sync::Arc;

use plan_ouvert_app::{Event, FileRequest, ScriptedFiles, Shell};
use plan_ouvert_domain::Locale;
use tauri::{AppHandle, Emitter, Runtime};
use tauri_plugin_dialog::DialogExt;

/// Environment variable naming a program that opens evidence files instead of the system's
/// viewer: it is run with the file's path as its only argument. For the end-to-end tests (a
/// script that copies the file where the test looks), or a viewer of one's choice.
pub const OPEN_WITH_ENV: &str = "PLAN_OUVERT_OPEN_WITH";

/// Runs `program` on `path` without waiting for it (a viewer stays open), reaped once it ends.
fn open_with(program: &std::ffi::OsStr, path: &std::path::Path) -> Result<(), String> {
    let mut child = std::process::Command::new(program)
        .arg(path)
        .spawn()
        .map_err(|e| format!("{}: {e}", std::path::Path::new(program).display()))?;
    std::thread::spawn(move || child.wait());
    Ok(())
}

/// How the person picks a file.
#[derive(Debug, Clone)]
pub enum FilePicker {
    /// The system's file dialogs.
    Dialog,
    /// Answers given beforehand (tests on the mock runtime, which has no dialogs).
    Scripted(Arc<ScriptedFiles>),
}

/// The shell of one window.
pub struct WindowShell<R: Runtime> {
    handle: AppHandle<R>,
    files: FilePicker,
}

impl<R: Runtime> std::fmt::Debug for WindowShell<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WindowShell").field("files", &self.files).finish_non_exhaustive()
    }
}

impl<R: Runtime> WindowShell<R> {
    pub fn new(handle: AppHandle<R>, files: FilePicker) -> Self {
        Self { handle, files }
    }
}

impl<R: Runtime> Shell for WindowShell<R> {
    fn emit(&self, event: Event) {
        if let Err(error) = self.handle.emit(event.name(), event.payload()) {
            tracing::warn!(%error, event = event.name(), "an event could not reach the window");
        }
    }

    fn pick_file(&self, request: FileRequest, name: Option<&str>, locale: Locale) -> Result<Option<PathBuf>, String> {
        if let FilePicker::Scripted(answers) = &self.files {
            return Ok(answers.next());
        }
        let mut dialog = self.handle.dialog().file().set_title(request.title(locale));
        if let Some((name, extensions)) = request.filter() {
            dialog = dialog.add_filter(name, &extensions);
        }
        if let Some(file_name) = name {
            dialog = dialog.set_file_name(file_name);
        }
        let picked = if request.is_folder() {
            dialog.blocking_pick_folder()
        } else if request.opens() {
            dialog.blocking_pick_file()
        } else {
            dialog.blocking_save_file()
        };
        picked.map(|path| path.into_path().map_err(|e| e.to_string())).transpose()
    }

    fn open_file(&self, path: &std::path::Path) -> Result<(), String> {
        use tauri_plugin_opener::OpenerExt;
        // Tests on the mock runtime script their dialogs and open nothing.
        if let FilePicker::Scripted(_) = &self.files {
            return Ok(());
        }
        if let Some(program) = std::env::var_os(OPEN_WITH_ENV).filter(|p| !p.is_empty()) {
            return open_with(&program, path);
        }
        self.handle.opener().open_path(path.to_string_lossy(), None::<&str>).map_err(|e| e.to_string())
    }

    /// Through the official notification plugin, sent from Rust: the window's capability allows
    /// none of the plugin's commands (its script in the page stays inert).
    fn notify(&self, title: &str, body: &str) -> Result<(), String> {
        use tauri::Manager;
        use tauri_plugin_notification::NotificationExt;
        // The command tests' mock runtime has no notification plugin: nothing is shown.
        if self.handle.try_state::<tauri_plugin_notification::Notification<R>>().is_none() {
            return Ok(());
        }
        self.handle.notification().builder().title(title).body(body).show().map_err(|e| e.to_string())
    }
}
