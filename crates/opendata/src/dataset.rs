//! Records as sync fields, keyed by kind and id.

use std::collections::BTreeMap;

use plan_ouvert_sync::fields::{canonical, field, ValueProblem};
use plan_ouvert_sync::protocol::{RecordKey, RecordKind, Value};
use uuid::Uuid;

/// One record's fields: `field -> value` (names as in `CommitmentEdit`, camelCase).
pub type Fields = BTreeMap<String, Value>;

/// Plans, areas, institutions, commitments and milestones, each as its fields.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dataset {
    pub records: BTreeMap<RecordKey, Fields>,
}

impl Dataset {
    pub fn insert(&mut self, kind: RecordKind, id: Uuid, fields: Fields) {
        self.records.insert(RecordKey { kind, id }, fields);
    }

    /// The records of one kind, by id.
    pub fn of_kind(&self, kind: RecordKind) -> impl Iterator<Item = (Uuid, &Fields)> {
        self.records.iter().filter(move |(k, _)| k.kind == kind).map(|(k, f)| (k.id, f))
    }

    pub fn count(&self, kind: RecordKind) -> usize {
        self.of_kind(kind).count()
    }

    pub fn get(&self, kind: RecordKind, id: Uuid) -> Option<&Fields> {
        self.records.get(&RecordKey { kind, id })
    }
}

/// Puts every value of a record of `kind` in the form the app stores (the one parser of
/// `plan_ouvert_sync::fields`), and returns the fields whose value the app cannot store, with why;
/// those keep their value for the caller to decide.
pub fn canonicalise(kind: RecordKind, fields: &mut Fields) -> Vec<(String, ValueProblem)> {
    let mut problems = Vec::new();
    for (name, value) in fields.iter_mut() {
        let Some(declared) = field(kind, name) else { continue };
        match canonical(declared.holds, value) {
            Ok(canonical) => *value = canonical,
            Err(problem) => problems.push((name.clone(), problem)),
        }
    }
    problems
}

/// The namespace of the ids made from OGP identifiers.
const NAMESPACE: Uuid = Uuid::from_u128(0x6f67_7000_706c_616e_2d6f_7576_6572_7400);

/// The same id every time for the same source key (`"plan:AP_FRA01"`, `"commitment:FR0001"`,
/// `"institution:ministry of the interior"`): importing a file twice writes the same records, and
/// two laptops importing it make the same records.
pub fn deterministic_id(key: &str) -> Uuid {
    Uuid::new_v5(&NAMESPACE, key.as_bytes())
}
