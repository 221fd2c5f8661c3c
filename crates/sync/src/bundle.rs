//! A bundle: what one laptop carries to another without any network, in one file (on a USB
//! stick, in a workshop room): the records of a workshop (or of every unsent change) as the
//! writing laptop holds them, and the writing laptop's mutations not yet acknowledged by the
//! server, under their own identity (its client id and sequence numbers).
//!
//! The receiving laptop shows the records at once, and relays the mutations to the server when
//! it syncs ([`crate::protocol::PushRequest::relay`]); because they keep their identity, the
//! server applies each once whoever brings it first, and answers the writing laptop, when it
//! syncs itself, with the outcome it stored — nothing is sent twice, nothing is lost.
//!
//! The file is a header line, `PLAN-OUVERT-BUNDLE 1 <length> <sha256>`, then the payload (JSON):
//! a file cut short or changed on the way is refused before anything is read from it. Every
//! value is then checked by the one parser of [`crate::fields`], as the server checks what it
//! receives.

use std::collections::BTreeMap;

use plan_ouvert_domain::Locale;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::fields::{check_value, RecordKey};
use crate::protocol::{Change, ClientId, Mutation, Value, PROTOCOL_VERSION};
use crate::rules;

/// The first word of a bundle file.
pub const MAGIC: &str = "PLAN-OUVERT-BUNDLE";
/// The version of the file's layout.
pub const LAYOUT: u32 = 1;
/// The largest bundle read (a workshop is a few hundred kilobytes; a laptop's whole unsent work
/// a few megabytes).
pub const MAX_BYTES: usize = 256 * 1024 * 1024;

/// Who wrote a bundle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Writer {
    pub client: ClientId,
    /// The person signed in on the writing laptop, if any.
    pub person: Option<String>,
    pub institution_id: Option<Uuid>,
    pub institution_name: Option<String>,
}

/// What a bundle carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum Scope {
    /// One workshop, with the plan it is about.
    Workshop { id: Uuid, title: String },
    /// One citizen jury session, with its jurors, applications and sheets.
    Jury { id: Uuid, title: String },
    /// Every change of the writing laptop not yet sent.
    Unsent,
}

/// A record as the writing laptop holds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Record {
    pub key: RecordKey,
    pub fields: BTreeMap<String, Value>,
}

/// A bundle's content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Bundle {
    /// The sync protocol the records and mutations are written in.
    pub protocol: u32,
    /// When it was written (the writing laptop's clock: shown, never trusted).
    pub written_at: String,
    pub writer: Writer,
    pub scope: Scope,
    /// In the order a laptop writes them (what a record refers to first).
    pub records: Vec<Record>,
    /// The writing laptop's mutations not yet acknowledged, in order, from its first
    /// unacknowledged one: a relay may only move its sequence forward without gaps.
    pub mutations: Vec<Mutation>,
}

/// Why a file is not a bundle this app can take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BundleError {
    /// Not a bundle at all (another file chosen).
    NotABundle,
    /// Written by a newer app (another layout or protocol).
    Newer,
    /// Shorter or longer than written: cut short on the way.
    Truncated { expected: usize, found: usize },
    /// Its bytes are not those written (changed on the way or by hand).
    Damaged,
    /// Larger than any bundle.
    TooLarge,
    /// It reads, but holds something no laptop writes (a value the app refuses, mutations out
    /// of order or of another laptop).
    Invalid(String),
}

impl BundleError {
    pub fn message(&self, locale: Locale) -> String {
        match (self, locale) {
            (BundleError::NotABundle, Locale::Fr) => {
                "Ce fichier n'est pas un fichier d'échange de Plan ouvert : choisissez le fichier écrit par l'autre poste (extension .planouvert).".into()
            }
            (BundleError::NotABundle, Locale::En) => {
                "This file is not a Plan ouvert exchange file: choose the file written by the other computer (extension .planouvert).".into()
            }
            (BundleError::Newer, Locale::Fr) => {
                "Ce fichier a été écrit par une version plus récente de Plan ouvert : mettez l'application à jour pour l'importer.".into()
            }
            (BundleError::Newer, Locale::En) => {
                "This file was written by a newer version of Plan ouvert: update the app to import it.".into()
            }
            (BundleError::Truncated { expected, found }, Locale::Fr) => format!(
                "Ce fichier est incomplet ({found} octets sur {expected}) : la copie a sans doute été interrompue. Copiez-le de nouveau depuis le poste qui l'a écrit. Rien n'a été importé."
            ),
            (BundleError::Truncated { expected, found }, Locale::En) => format!(
                "This file is incomplete ({found} bytes of {expected}): the copy was probably interrupted. Copy it again from the computer that wrote it. Nothing was imported."
            ),
            (BundleError::Damaged, Locale::Fr) => {
                "Ce fichier a été modifié depuis qu'il a été écrit (son empreinte ne correspond plus) : il n'est pas importé. Écrivez-en un nouveau sur le poste d'origine.".into()
            }
            (BundleError::Damaged, Locale::En) => {
                "This file was changed since it was written (its fingerprint no longer matches): it is not imported. Write a new one on the computer it came from.".into()
            }
            (BundleError::TooLarge, Locale::Fr) => "Ce fichier est trop volumineux pour être un fichier d'échange.".into(),
            (BundleError::TooLarge, Locale::En) => "This file is too large to be an exchange file.".into(),
            (BundleError::Invalid(detail), Locale::Fr) => {
                format!("Ce fichier contient des données que l'application refuse ({detail}) : rien n'a été importé.")
            }
            (BundleError::Invalid(detail), Locale::En) => {
                format!("This file holds data the app refuses ({detail}): nothing was imported.")
            }
        }
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The file's bytes.
pub fn write(bundle: &Bundle) -> Vec<u8> {
    let payload = serde_json::to_vec(bundle).unwrap_or_default();
    let mut bytes = format!("{MAGIC} {LAYOUT} {} {}\n", payload.len(), sha256_hex(&payload)).into_bytes();
    bytes.extend_from_slice(&payload);
    bytes
}

/// The fingerprint of a bundle file (what tells one already imported), from its header.
pub fn fingerprint(bytes: &[u8]) -> Option<String> {
    let line = bytes.split(|b| *b == b'\n').next()?;
    let header = std::str::from_utf8(line).ok()?;
    header.split(' ').nth(3).map(str::to_string)
}

/// Reads a bundle file: whole, unchanged, and holding only what a laptop writes.
pub fn read(bytes: &[u8]) -> Result<Bundle, BundleError> {
    if bytes.len() > MAX_BYTES {
        return Err(BundleError::TooLarge);
    }
    let newline = bytes.iter().position(|b| *b == b'\n').filter(|at| *at < 200).ok_or(BundleError::NotABundle)?;
    let header = std::str::from_utf8(&bytes[..newline]).map_err(|_| BundleError::NotABundle)?;
    let parts: Vec<&str> = header.split(' ').collect();
    let [magic, layout, length, sha256] = parts[..] else { return Err(BundleError::NotABundle) };
    if magic != MAGIC {
        return Err(BundleError::NotABundle);
    }
    let layout: u32 = layout.parse().map_err(|_| BundleError::NotABundle)?;
    if layout > LAYOUT {
        return Err(BundleError::Newer);
    }
    let expected: usize = length.parse().map_err(|_| BundleError::NotABundle)?;
    let payload = &bytes[newline + 1..];
    if payload.len() != expected {
        return Err(BundleError::Truncated { expected, found: payload.len() });
    }
    if sha256_hex(payload) != sha256 {
        return Err(BundleError::Damaged);
    }
    let bundle: Bundle = serde_json::from_slice(payload).map_err(|e| {
        // A newer app's record kinds or changes are not known here.
        if e.to_string().contains("unknown variant") {
            BundleError::Newer
        } else {
            BundleError::Invalid(e.to_string())
        }
    })?;
    if bundle.protocol > PROTOCOL_VERSION {
        return Err(BundleError::Newer);
    }
    if bundle.protocol < PROTOCOL_VERSION {
        return Err(BundleError::Invalid(format!("protocol {}", bundle.protocol)));
    }
    check(&bundle)?;
    Ok(bundle)
}

/// Every record and every mutation as the server would take them, and the mutations the
/// writing laptop's own, numbered one after the other.
fn check(bundle: &Bundle) -> Result<(), BundleError> {
    let invalid = |what: String| Err(BundleError::Invalid(what));
    for record in &bundle.records {
        if rules::check_creation(record.key.kind, &record.fields).is_err() {
            return invalid(format!("{} {}", record.key.kind.code(), record.key.id));
        }
    }
    let mut previous: Option<u64> = None;
    for mutation in &bundle.mutations {
        if mutation.id.client != bundle.writer.client {
            return invalid(format!("mutation {} of another computer", mutation.id.seq));
        }
        if previous.is_some_and(|p| mutation.id.seq != p + 1) || mutation.id.seq == 0 {
            return invalid(format!("mutation {} out of order", mutation.id.seq));
        }
        previous = Some(mutation.id.seq);
        let valid = match &mutation.change {
            Change::Create { fields } => rules::check_creation(mutation.record.kind, fields).is_ok(),
            Change::Set { field, value, base } => {
                check_value(mutation.record.kind, field, value).is_ok()
                    && (base.is_null() || check_value(mutation.record.kind, field, base).is_ok())
            }
            Change::Delete { .. } => true,
        };
        if !valid {
            return invalid(format!("mutation {}", mutation.id.seq));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::fields::RecordKind;
    use crate::protocol::MutationId;

    fn bundle() -> Bundle {
        let client = ClientId(Uuid::from_u128(7));
        let area = RecordKey { kind: RecordKind::Area, id: Uuid::from_u128(2) };
        let mut fields = BTreeMap::new();
        fields.insert("planId".to_string(), json!(Uuid::from_u128(1).to_string()));
        fields.insert("kind".to_string(), json!("thematic"));
        fields.insert("title".to_string(), json!("Transparence"));
        fields.insert("description".to_string(), json!(""));
        fields.insert("position".to_string(), json!(0));
        Bundle {
            protocol: PROTOCOL_VERSION,
            written_at: "2026-03-12T15:00:00Z".into(),
            writer: Writer { client, person: Some("Dominique".into()), institution_id: None, institution_name: None },
            scope: Scope::Unsent,
            records: vec![Record { key: area, fields: fields.clone() }],
            mutations: vec![
                Mutation { id: MutationId { client, seq: 4 }, record: area, change: Change::Create { fields } },
                Mutation {
                    id: MutationId { client, seq: 5 },
                    record: area,
                    change: Change::Set {
                        field: "title".into(),
                        value: json!("Transparence publique"),
                        base: json!("Transparence"),
                    },
                },
            ],
        }
    }

    #[test]
    fn a_bundle_reads_back_as_written() {
        let bytes = write(&bundle());
        assert_eq!(read(&bytes).unwrap(), bundle());
        assert_eq!(fingerprint(&bytes).unwrap().len(), 64);
    }

    #[test]
    fn a_file_cut_short_changed_or_of_another_kind_is_refused_before_anything_is_read() {
        let bytes = write(&bundle());
        let cut = &bytes[..bytes.len() - 10];
        assert!(matches!(read(cut), Err(BundleError::Truncated { .. })));
        let mut changed = bytes.clone();
        let at = changed.len() - 20;
        changed[at] ^= 1;
        assert_eq!(read(&changed), Err(BundleError::Damaged));
        assert_eq!(read(b"%PDF-1.7\n..."), Err(BundleError::NotABundle));
        assert_eq!(read(b""), Err(BundleError::NotABundle));
        let newer = String::from_utf8(bytes.clone()).unwrap().replacen(" 1 ", " 2 ", 1);
        assert_eq!(read(newer.as_bytes()), Err(BundleError::Newer));
        assert!(BundleError::Damaged.message(Locale::Fr).contains("modifié"));
    }

    #[test]
    fn a_bundle_holds_only_what_a_laptop_writes() {
        // Re-signed by hand after a change: the header matches, the content does not pass.
        let mut other = bundle();
        other.mutations[1].id.seq = 7;
        assert!(matches!(read(&write(&other)), Err(BundleError::Invalid(_))), "a gap");
        let mut other = bundle();
        other.mutations[0].id.client = ClientId(Uuid::from_u128(8));
        assert!(matches!(read(&write(&other)), Err(BundleError::Invalid(_))), "another laptop's");
        let mut other = bundle();
        other.records[0].fields.insert("title".into(), json!(" Transparence "));
        assert!(matches!(read(&write(&other)), Err(BundleError::Invalid(_))), "not canonical");
        let mut other = bundle();
        other.mutations[1].change =
            Change::Set { field: "title".into(), value: json!(""), base: json!("Transparence") };
        assert!(matches!(read(&write(&other)), Err(BundleError::Invalid(_))), "a title emptied");
        let mut other = bundle();
        other.protocol = PROTOCOL_VERSION + 1;
        assert_eq!(read(&write(&other)), Err(BundleError::Newer));
    }
}
