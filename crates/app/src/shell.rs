//! What the app needs from whatever shows it: a way to tell the interface that something
//! happened ([`Event`]), a way to ask the person for a file ([`FileRequest`]) and to open one,
//! and desktop notifications. The desktop shell answers with Tauri events, native dialogs, the
//! system's viewer and notifications; the loopback bridge with a stream of server-sent events,
//! answers a test scripted beforehand, and lists of what it would have opened and notified.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Mutex;

use plan_ouvert_domain::{ImportProgress, Locale, RoomView, SyncStatus};
use serde::Serialize;

/// Declares the events once: the enum, each event's name on the wire and the interface's
/// `on…` listener method (generated into the TypeScript port).
macro_rules! events {
    ($( $(#[doc = $doc:literal])* $variant:ident($payload:ty) = $name:literal, $listener:literal; )*) => {
        /// Something the interface is told without asking.
        #[derive(Debug, Clone, PartialEq)]
        pub enum Event {
            $( $(#[doc = $doc])* $variant($payload), )*
        }

        impl Event {
            /// Its name on the wire (Tauri event, server-sent event).
            pub fn name(&self) -> &'static str {
                match self {
                    $( Event::$variant(_) => $name, )*
                }
            }

            /// Its payload as JSON.
            pub fn payload(&self) -> serde_json::Value {
                match self {
                    $( Event::$variant(payload) => to_json(payload), )*
                }
            }
        }

        /// Every event, for the generated TypeScript port.
        pub(crate) fn event_signatures() -> Vec<crate::signature::EventSignature> {
            use ts_rs::TS as _;
            vec![$(crate::signature::EventSignature {
                name: $name,
                listener: $listener,
                docs: &[$($doc),*],
                payload: <$payload>::name(),
            }),*]
        }
    };
}

events! {
    /// The sync status changed (connection, pending changes, conflicts, refusals, last sync, or
    /// data received: `revision` went up).
    SyncStatus(SyncStatus) = "sync-status", "onSyncStatus";
    /// How far a running import got.
    ImportProgress(ImportProgress) = "import-progress", "onImportProgress";
    /// A laptop exchanged with the room open here: the room as it stands now (how many laptops
    /// exchanged lately, when the last did).
    RoomExchange(RoomView) = "room-exchange", "onRoomExchange";
}

fn to_json(value: &impl Serialize) -> serde_json::Value {
    // The payloads are plain data types: serialising them cannot fail.
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}

/// The extension of exchange files (`Atelier … .planouvert`): the dialogs offer only those.
pub const EXCHANGE_EXTENSION: &str = "planouvert";

/// A file the person is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileRequest {
    /// A CSV file of the OGP commitment database, to import.
    OgpCsv,
    /// Where to save a plan as JSON.
    SaveJson,
    /// Where to save a plan as a printable HTML document.
    SaveHtml,
    /// Where to save a plan's commitments and milestones as a workbook.
    SaveXlsx,
    /// A folder to receive the plan's CSV files.
    CsvFolder,
    /// A file to attach to a progress report as evidence.
    Evidence,
    /// Where to save a list as CSV (the contacts to remind of a reporting round).
    SaveCsv,
    /// Where to save a chart of a plan's dashboard as an image.
    SavePng,
    /// Where to save a progress workbook for an institution to fill in.
    SaveProgressWorkbook,
    /// A progress workbook filled in, to import.
    ProgressWorkbook,
    /// Where to save a plan's self-assessment report (a printable HTML document).
    SaveSelfAssessment,
    /// Where to save a workshop's report (a printable HTML document).
    SaveWorkshopReport,
    /// Where to save a workshop's data as JSON.
    SaveWorkshopJson,
    /// A folder to receive a workshop's data as CSV files.
    WorkshopCsvFolder,
    /// Where to save what the laptop holds about a workshop participant, given back to them (JSON).
    SaveParticipantData,
    /// Where to write an exchange file (`.planouvert`), to carry to another computer.
    SaveExchange,
    /// An exchange file written on another computer, to import.
    OpenExchange,
    /// The CSV file of a call for applications, to import into a jury session.
    JuryApplications,
    /// Where to save a jury's ranking (a printable HTML document).
    SaveJuryRanking,
}

impl FileRequest {
    /// The dialog's title.
    pub fn title(self, locale: Locale) -> &'static str {
        match self {
            FileRequest::OgpCsv => {
                locale.pick("Importer la base des engagements du PGO", "Import the OGP commitment database")
            }
            FileRequest::SaveJson => locale.pick("Exporter le plan (JSON)", "Export the plan (JSON)"),
            FileRequest::SaveHtml => {
                locale.pick("Exporter le plan (document imprimable)", "Export the plan (printable document)")
            }
            FileRequest::SaveXlsx => {
                locale.pick("Exporter le plan (classeur pour tableur)", "Export the plan (spreadsheet workbook)")
            }
            FileRequest::CsvFolder => locale.pick("Dossier où écrire les fichiers CSV", "Folder for the CSV files"),
            FileRequest::Evidence => locale.pick("Joindre un fichier au rapport", "Attach a file to the report"),
            FileRequest::SaveCsv => locale.pick("Enregistrer la liste (CSV)", "Save the list (CSV)"),
            FileRequest::SavePng => locale.pick("Enregistrer le graphique (image PNG)", "Save the chart (PNG image)"),
            FileRequest::SaveProgressWorkbook => {
                locale.pick("Exporter le classeur de suivi", "Export the progress workbook")
            }
            FileRequest::ProgressWorkbook => {
                locale.pick("Importer un classeur de suivi rempli", "Import a filled progress workbook")
            }
            FileRequest::SaveSelfAssessment => {
                locale.pick("Exporter le rapport d'autoévaluation", "Export the self-assessment report")
            }
            FileRequest::SaveWorkshopReport => {
                locale.pick("Exporter le compte rendu de l'atelier", "Export the workshop's report")
            }
            FileRequest::SaveWorkshopJson => {
                locale.pick("Exporter les données de l'atelier (JSON)", "Export the workshop's data (JSON)")
            }
            FileRequest::WorkshopCsvFolder => {
                locale.pick("Dossier où écrire les fichiers CSV de l'atelier", "Folder for the workshop's CSV files")
            }
            FileRequest::SaveParticipantData => {
                locale.pick("Exporter les données du participant", "Export the participant's data")
            }
            FileRequest::SaveExchange => locale.pick("Écrire le fichier d'échange", "Write the exchange file"),
            FileRequest::OpenExchange => locale.pick("Importer un fichier d'échange", "Import an exchange file"),
            FileRequest::JuryApplications => {
                locale.pick("Importer les candidatures (fichier CSV)", "Import the applications (CSV file)")
            }
            FileRequest::SaveJuryRanking => locale.pick("Exporter le classement du jury", "Export the jury's ranking"),
        }
    }

    /// The kind of file shown in the dialog's filter and its extensions, if any.
    pub fn filter(self) -> Option<(&'static str, Vec<&'static str>)> {
        match self {
            FileRequest::OgpCsv | FileRequest::SaveCsv | FileRequest::JuryApplications => Some(("CSV", vec!["csv"])),
            FileRequest::SaveJson | FileRequest::SaveWorkshopJson | FileRequest::SaveParticipantData => {
                Some(("JSON", vec!["json"]))
            }
            FileRequest::SaveHtml
            | FileRequest::SaveSelfAssessment
            | FileRequest::SaveWorkshopReport
            | FileRequest::SaveJuryRanking => Some(("HTML", vec!["html"])),
            FileRequest::SaveExchange | FileRequest::OpenExchange => Some(("Plan ouvert", vec![EXCHANGE_EXTENSION])),
            FileRequest::SaveXlsx | FileRequest::SaveProgressWorkbook | FileRequest::ProgressWorkbook => {
                Some(("Excel", vec!["xlsx"]))
            }
            FileRequest::SavePng => Some(("PNG", vec!["png"])),
            FileRequest::CsvFolder | FileRequest::WorkshopCsvFolder => None,
            FileRequest::Evidence => Some(("PDF, documents, images", plan_ouvert_domain::EvidenceFile::extensions())),
        }
    }

    /// Whether the person picks an existing file (not a place to save, not a folder).
    pub fn opens(self) -> bool {
        matches!(
            self,
            FileRequest::OgpCsv
                | FileRequest::Evidence
                | FileRequest::ProgressWorkbook
                | FileRequest::OpenExchange
                | FileRequest::JuryApplications
        )
    }

    /// Whether the person picks a folder.
    pub fn is_folder(self) -> bool {
        matches!(self, FileRequest::CsvFolder | FileRequest::WorkshopCsvFolder)
    }
}

/// What shows the app.
pub trait Shell: Send + Sync + std::fmt::Debug {
    /// Tells the interface.
    fn emit(&self, event: Event);

    /// Asks the person for a file and waits for the answer (blocking: called off the async
    /// runtime); `Ok(None)` when they cancel.
    /// `name`: the file name proposed when saving.
    fn pick_file(&self, request: FileRequest, name: Option<&str>, locale: Locale) -> Result<Option<PathBuf>, String>;

    /// Opens a file with the system's application for its kind (an evidence file).
    fn open_file(&self, path: &std::path::Path) -> Result<(), String>;

    /// Shows a desktop notification, worded by the core (the "À faire" list's news:
    /// `crate::notification`). Nothing waits for the person to see it.
    fn notify(&self, title: &str, body: &str) -> Result<(), String>;
}

/// Answers to file dialogs given in advance (the bridge's tests; the command tests): each
/// request takes the next answer, and is cancelled when there is none.
#[derive(Debug, Default)]
pub struct ScriptedFiles {
    answers: Mutex<VecDeque<Option<PathBuf>>>,
}

impl ScriptedFiles {
    /// Adds answers for the next dialogs (`None` cancels one).
    pub fn push(&self, answers: impl IntoIterator<Item = Option<PathBuf>>) {
        self.answers.lock().unwrap_or_else(|p| p.into_inner()).extend(answers);
    }

    /// The next answer; a dialog nobody prepared is cancelled.
    pub fn next(&self) -> Option<PathBuf> {
        self.answers.lock().unwrap_or_else(|p| p.into_inner()).pop_front().flatten()
    }
}
