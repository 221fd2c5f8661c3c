//! Evidence files from the person's disk to a report, and from the store to the system's viewer:
//! the backend asks for the file (the window never names one), checks it before reading it whole,
//! and opens a copy written under the data folder.

use plan_ouvert_domain::{ErrorCode, EvidenceFile, Failure, Problem};

use crate::laptop::{internal, Laptop};
use crate::open_data::read_failure;
use crate::shell::FileRequest;

/// The folder, under the data folder, where files are written to be opened.
const OPENED: &str = "pieces-ouvertes";

/// Asks the person for a file and keeps it as evidence, checked (kind, size, content); `None`
/// when they cancel. Refused with the reason, nothing kept.
pub(crate) fn attach(app: &Laptop) -> Result<Option<EvidenceFile>, Failure> {
    let locale = app.locale();
    let Some(path) = app.shell().pick_file(FileRequest::Evidence, None, locale).map_err(|e| internal(&e))? else {
        return Ok(None);
    };
    let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    // A file too large is refused before it is read whole.
    let size = std::fs::metadata(&path).map_err(|e| read_failure(&e, &path, locale))?.len();
    if size > EvidenceFile::MAX_SIZE {
        let problem = Problem::FileTooLarge { max: EvidenceFile::MAX_SIZE, size };
        return Err(Failure::invalid(&[problem.on("files")], locale));
    }
    let bytes = std::fs::read(&path).map_err(|e| read_failure(&e, &path, locale))?;
    app.run(|store| store.attach_evidence(&name, &bytes)).map(Some)
}

/// Opens a file held here with the system's viewer, from a copy in the data folder; refused
/// while it has not arrived whole.
pub(crate) fn open(app: &Laptop, file: &EvidenceFile) -> Result<(), Failure> {
    let locale = app.locale();
    let Some(bytes) = app.run(|store| store.evidence_bytes(&file.sha256))? else {
        return Err(Failure::new(
            ErrorCode::NotFound,
            locale.pick(
                "Ce fichier n'est pas encore arrivé sur ce poste : il arrivera à la prochaine synchronisation.",
                "This file has not arrived on this computer yet: it will come with the next sync.",
            ),
        ));
    };
    // One folder per file, named by its content: two files of the same name never overwrite each
    // other, and the copy is always the file the report names.
    let folder = app.data_dir().join(OPENED).join(&file.sha256[..16]);
    let path = folder.join(file.safe_name());
    let write = || -> std::io::Result<()> {
        std::fs::create_dir_all(&folder)?;
        std::fs::write(&path, &bytes)
    };
    write().map_err(|e| read_failure(&e, &path, locale))?;
    app.shell().open_file(&path).map_err(|e| {
        tracing::warn!(error = %e, "could not open an evidence file");
        Failure::new(
            ErrorCode::Storage,
            match locale {
                plan_ouvert_domain::Locale::Fr => {
                    format!(
                        "Aucune application de ce poste n'a pu ouvrir le fichier ; il est enregistré ici : {}",
                        path.display()
                    )
                }
                plan_ouvert_domain::Locale::En => {
                    format!("No application of this computer could open the file; it is saved here: {}", path.display())
                }
            },
        )
    })
}
