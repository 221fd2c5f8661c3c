//! The kinds of records that sync, and every kind's fields, declared once: the name a field has in sync (and in the exports,
//! the store's column being its snake_case form), and what it holds.
//!
//! From this table come the sync protocol's field lists ([`fields_of_kind`]), how concurrent
//! changes of a field are reconciled ([`field_kind`]), the store's columns, and the type each
//! export checks before writing a value (`plan_ouvert_opendata::export::field_type`). Tests check
//! the SQL schema, the OGP template mapping and the CSV columns against it.

use serde::{Deserialize, Serialize};

/// The kinds of records that sync.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub enum RecordKind {
    Plan,
    Area,
    Commitment,
    Milestone,
    Institution,
}

impl RecordKind {
    pub const ALL: [RecordKind; 5] =
        [RecordKind::Plan, RecordKind::Area, RecordKind::Commitment, RecordKind::Milestone, RecordKind::Institution];

    /// The kind's name as sent and stored (`plan`, `commitment`…; also the app's table names).
    pub fn code(self) -> &'static str {
        match self {
            RecordKind::Plan => "plan",
            RecordKind::Area => "area",
            RecordKind::Commitment => "commitment",
            RecordKind::Milestone => "milestone",
            RecordKind::Institution => "institution",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.code() == code)
    }
}

/// `briefDescription` → `brief_description`: a sync field's name as a column, in the app's
/// tables and in CSV exports.
pub fn snake_case(field: &str) -> String {
    let mut out = String::with_capacity(field.len() + 4);
    for c in field.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The kinds of area, as written in the `kind` field of an area.
pub const AREA_KINDS: &[&str] = &["transversal", "thematic"];
/// The kinds of institution, as written in the `kind` field of an institution.
pub const INSTITUTION_KINDS: &[&str] = &["ministry", "independentAuthority", "parliament", "court", "other"];

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holds {
    /// A string, possibly empty, changed as a whole (a conflict when two people change it apart).
    Text,
    /// A string, possibly empty, merged paragraph by paragraph.
    LongText,
    /// A non-empty string (titles, names, the plan's country).
    Title,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// A calendar date or `null`.
    OptionalDate,
    /// A record id.
    Id,
    /// A record id or `null`.
    OptionalId,
    /// A list of record ids.
    IdList,
    /// A list of strings.
    TextList,
    /// A rank from 0.
    Position,
    /// An integer or `null`.
    OptionalInteger,
    Boolean,
    /// One of a fixed list of codes.
    OneOf(&'static [&'static str]),
    /// A string or `null` (an OGP identifier).
    OptionalText,
    /// `null` or the IRM assessment.
    Assessment,
    /// An object whose values are strings (the source columns of an imported commitment).
    TextMap,
}

/// One field of a record kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// Its name in sync and in the exports (camelCase).
    pub name: &'static str,
    pub holds: Holds,
}

macro_rules! declare {
    ($($kind:ident { $($name:literal: $holds:expr),* $(,)? })*) => {
        /// The fields of `kind`, in the order the exports write them.
        pub fn fields(kind: RecordKind) -> &'static [Field] {
            use Holds::*;
            match kind {
                $(RecordKind::$kind => &[$(Field { name: $name, holds: $holds }),*],)*
            }
        }

        /// The names of the fields of `kind` (everything a record of that kind carries besides
        /// its id), in the order of [`fields`].
        pub fn fields_of_kind(kind: RecordKind) -> &'static [&'static str] {
            match kind {
                $(RecordKind::$kind => &[$($name),*],)*
            }
        }
    };
}

declare! {
    Plan {
        "country": Title,
        "title": Title,
        "periodStart": Date,
        "periodEnd": Date,
        "ogpPlanId": OptionalText,
        "planNumber": OptionalInteger,
    }
    Area {
        "planId": Id,
        "kind": OneOf(AREA_KINDS),
        "title": Title,
        "description": LongText,
        "position": Position,
    }
    Institution {
        "name": Title,
        "acronym": Text,
        "kind": OneOf(INSTITUTION_KINDS),
    }
    Commitment {
        "planId": Id,
        "areaId": Id,
        "position": Position,
        "title": Title,
        "briefDescription": LongText,
        "problem": LongText,
        "causes": LongText,
        "doneSoFar": LongText,
        "solution": LongText,
        "expectedResults": LongText,
        "transparency": LongText,
        "accountability": LongText,
        "participation": LongText,
        "leadInstitutionId": OptionalId,
        "supportingInstitutionIds": IdList,
        "otherSupporters": LongText,
        "startDate": OptionalDate,
        "endDate": OptionalDate,
        "accessToInformation": Boolean,
        "civicParticipation": Boolean,
        "publicAccountability": Boolean,
        "technologyInnovation": Boolean,
        "contactName": Text,
        "contactTitle": Text,
        "contactDepartment": Text,
        "contactEmail": Text,
        "contactPhone": Text,
        "ogpId": OptionalText,
        "number": Text,
        "shortTitle": Text,
        "fullText": Text,
        "startDateSource": Text,
        "endDateSource": Text,
        "policyAreas": TextList,
        "url": Text,
        "assessment": Assessment,
        "sourceColumns": TextMap,
    }
    Milestone {
        "commitmentId": Id,
        "position": Position,
        "title": Title,
        "expectedOutputs": LongText,
        "startDate": OptionalDate,
        "dueDate": OptionalDate,
        "leadInstitutionId": OptionalId,
    }
}

/// The declaration of one field, if `kind` has it.
pub fn field(kind: RecordKind, name: &str) -> Option<&'static Field> {
    fields(kind).iter().find(|f| f.name == name)
}

/// How concurrent changes of a field are reconciled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// Two different changes are a conflict for a person to resolve.
    Short,
    /// Merged paragraph by paragraph; a conflict only when the same paragraph changed.
    Long,
}

/// Long texts are merged by paragraph; every other field is short.
pub fn field_kind(kind: RecordKind, name: &str) -> FieldKind {
    match field(kind, name) {
        Some(Field { holds: Holds::LongText, .. }) => FieldKind::Long,
        _ => FieldKind::Short,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KINDS: [RecordKind; 5] =
        [RecordKind::Plan, RecordKind::Area, RecordKind::Institution, RecordKind::Commitment, RecordKind::Milestone];

    #[test]
    fn names_and_declarations_agree_and_no_field_is_declared_twice() {
        for kind in KINDS {
            let names: Vec<&str> = fields(kind).iter().map(|f| f.name).collect();
            assert_eq!(names, fields_of_kind(kind), "{kind:?}");
            let mut unique = names.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), names.len(), "{kind:?} declares a field twice");
        }
    }

    #[test]
    fn long_texts_are_merged_by_paragraph_and_the_rest_is_short() {
        assert_eq!(field_kind(RecordKind::Commitment, "problem"), FieldKind::Long);
        assert_eq!(field_kind(RecordKind::Milestone, "expectedOutputs"), FieldKind::Long);
        assert_eq!(field_kind(RecordKind::Area, "description"), FieldKind::Long);
        assert_eq!(field_kind(RecordKind::Commitment, "title"), FieldKind::Short);
        assert_eq!(field_kind(RecordKind::Commitment, "contactEmail"), FieldKind::Short);
        assert_eq!(field_kind(RecordKind::Commitment, "noSuchField"), FieldKind::Short);
    }
}
