//! Evidence files attached to progress reports: what may be attached (PDF, office documents,
//! images), how large, and how a file is named in a report — by the SHA-256 of its bytes, so that
//! a file is stored and sent once however many reports refer to it, and its integrity can be
//! checked at every step.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::invalid::Problem;

/// A file attached to a report, as the report names it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EvidenceFile {
    /// The SHA-256 of its bytes, 64 lower-case hexadecimal digits.
    pub sha256: String,
    /// Its name as attached (no folder).
    pub name: String,
    #[ts(type = "number")]
    pub size: u64,
    pub media_type: String,
}

/// Where a file named by a report is, on this laptop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum FileAvailability {
    /// Here, whole and checked.
    Here,
    /// Coming from the server (this many bytes received so far).
    Arriving {
        #[ts(type = "number")]
        received: u64,
    },
}

/// What may be attached: the extension, the media type, and how the file's first bytes begin.
const KINDS: &[(&str, &str, Signature)] = &[
    ("pdf", "application/pdf", Signature::Starts(b"%PDF-")),
    ("png", "image/png", Signature::Starts(b"\x89PNG\r\n\x1a\n")),
    ("jpg", "image/jpeg", Signature::Starts(b"\xff\xd8\xff")),
    ("jpeg", "image/jpeg", Signature::Starts(b"\xff\xd8\xff")),
    ("webp", "image/webp", Signature::Webp),
    ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Signature::Zip),
    ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Signature::Zip),
    ("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", Signature::Zip),
    ("odt", "application/vnd.oasis.opendocument.text", Signature::Zip),
    ("ods", "application/vnd.oasis.opendocument.spreadsheet", Signature::Zip),
    ("odp", "application/vnd.oasis.opendocument.presentation", Signature::Zip),
    ("doc", "application/msword", Signature::Ole),
    ("xls", "application/vnd.ms-excel", Signature::Ole),
    ("ppt", "application/vnd.ms-powerpoint", Signature::Ole),
];

#[derive(Debug, Clone, Copy)]
enum Signature {
    Starts(&'static [u8]),
    /// Office Open XML and OpenDocument files are zip archives.
    Zip,
    /// Office 97-2003 files are OLE compound documents.
    Ole,
    Webp,
}

impl Signature {
    fn matches(self, head: &[u8]) -> bool {
        match self {
            Signature::Starts(prefix) => head.starts_with(prefix),
            Signature::Zip => head.starts_with(b"PK\x03\x04"),
            Signature::Ole => head.starts_with(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),
            Signature::Webp => head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP",
        }
    }
}

impl EvidenceFile {
    /// Largest file accepted, in bytes (25 MiB: a scanned report, a deck of slides).
    pub const MAX_SIZE: u64 = 25 * 1024 * 1024;
    /// Most files one report may carry.
    pub const MAX_PER_REPORT: usize = 20;

    /// The extensions accepted, for the file dialog's filter.
    pub fn extensions() -> Vec<&'static str> {
        KINDS.iter().map(|(ext, _, _)| *ext).collect()
    }

    /// The media types accepted.
    pub fn media_types() -> Vec<&'static str> {
        let mut types: Vec<&str> = KINDS.iter().map(|(_, media, _)| *media).collect();
        types.dedup();
        types
    }

    /// Checks a file a person attaches — its name, its size and how it begins — and gives its
    /// media type: one of the kinds accepted, whose first bytes are what that kind begins with
    /// (a file renamed `.pdf` that is not one is refused).
    pub fn media_type_of(name: &str, size: u64, head: &[u8]) -> Result<&'static str, Problem> {
        if size == 0 {
            return Err(Problem::FileEmpty);
        }
        if size > Self::MAX_SIZE {
            return Err(Problem::FileTooLarge { max: Self::MAX_SIZE, size });
        }
        let extension = name.rsplit_once('.').map(|(_, ext)| ext.to_ascii_lowercase()).unwrap_or_default();
        let Some((_, media, signature)) = KINDS.iter().find(|(ext, _, _)| *ext == extension) else {
            return Err(Problem::FileType);
        };
        if signature.matches(head) {
            Ok(media)
        } else {
            Err(Problem::FileContent)
        }
    }

    /// Whether `text` is a SHA-256 as reports write it.
    pub fn is_sha256(text: &str) -> bool {
        text.len() == 64 && text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    }

    /// The file's name without folders nor characters a file system refuses, for saving a copy
    /// to open.
    pub fn safe_name(&self) -> String {
        let name: String = self
            .name
            .chars()
            .map(|c| {
                if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                    '_'
                } else {
                    c
                }
            })
            .collect();
        let name = name.trim_matches(|c: char| c == '.' || c.is_whitespace());
        if name.is_empty() {
            "piece-jointe".into()
        } else {
            name.to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_documents_and_images_that_are_what_they_say_are_accepted() {
        assert_eq!(EvidenceFile::media_type_of("Rapport.PDF", 10, b"%PDF-1.7\n"), Ok("application/pdf"));
        assert_eq!(
            EvidenceFile::media_type_of("bilan.xlsx", 10, b"PK\x03\x04rest"),
            Ok("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        );
        assert_eq!(EvidenceFile::media_type_of("photo.jpeg", 10, b"\xff\xd8\xff\xe0"), Ok("image/jpeg"));
        assert_eq!(EvidenceFile::media_type_of("faux.pdf", 10, b"MZ\x90\x00"), Err(Problem::FileContent));
        assert_eq!(EvidenceFile::media_type_of("script.exe", 10, b"MZ"), Err(Problem::FileType));
        assert_eq!(EvidenceFile::media_type_of("sans-extension", 10, b"%PDF-"), Err(Problem::FileType));
        assert_eq!(EvidenceFile::media_type_of("vide.pdf", 0, b""), Err(Problem::FileEmpty));
        let big = EvidenceFile::MAX_SIZE + 1;
        assert_eq!(
            EvidenceFile::media_type_of("gros.pdf", big, b"%PDF-"),
            Err(Problem::FileTooLarge { max: EvidenceFile::MAX_SIZE, size: big })
        );
        let message = Problem::FileTooLarge { max: EvidenceFile::MAX_SIZE, size: big }.message(crate::Locale::Fr);
        assert!(message.contains("25 Mo"), "{message}");
    }

    #[test]
    fn a_name_saved_to_open_has_no_folder() {
        let file = |name: &str| EvidenceFile {
            sha256: "0".repeat(64),
            name: name.into(),
            size: 1,
            media_type: "application/pdf".into(),
        };
        assert_eq!(file("../../etc/passwd.pdf").safe_name(), "_.._etc_passwd.pdf");
        assert_eq!(file("Bilan : 2024?.pdf").safe_name(), "Bilan _ 2024_.pdf");
        assert_eq!(file(" .. ").safe_name(), "piece-jointe");
        assert!(EvidenceFile::is_sha256(&"ab".repeat(32)));
        assert!(!EvidenceFile::is_sha256(&"AB".repeat(32)));
    }
}
