//! Institutions that carry or support commitments: ministries, independent authorities (HATVP,
//! CNIL…), parliament, courts.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::id::InstitutionId;
use crate::invalid::{Invalid, Problems};
use crate::text::ShortText;

/// What kind of public body an institution is. Independent bodies are institutions like the
/// others: only their kind differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum InstitutionKind {
    Ministry,
    IndependentAuthority,
    Parliament,
    Court,
    Other,
}

impl InstitutionKind {
    pub const ALL: [InstitutionKind; 5] = [
        InstitutionKind::Ministry,
        InstitutionKind::IndependentAuthority,
        InstitutionKind::Parliament,
        InstitutionKind::Court,
        InstitutionKind::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            InstitutionKind::Ministry => "ministry",
            InstitutionKind::IndependentAuthority => "independentAuthority",
            InstitutionKind::Parliament => "parliament",
            InstitutionKind::Court => "court",
            InstitutionKind::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.code() == code)
    }
}

/// An institution as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Institution {
    pub id: InstitutionId,
    /// Full name, unique (e.g. "Haute Autorité pour la transparence de la vie publique").
    pub name: String,
    /// Usual short name, may be empty (e.g. "HATVP").
    pub acronym: String,
    pub kind: InstitutionKind,
    /// The country whose plans it carries (`""`: any country's). An institution imported with a
    /// country's plans is offered only for that country's plans.
    pub country: String,
}

/// What a person types to create or change an institution.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InstitutionInput {
    pub name: String,
    pub acronym: String,
    pub kind: InstitutionKind,
}

/// An institution's fields, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidInstitution {
    pub name: ShortText,
    pub acronym: ShortText,
    pub kind: InstitutionKind,
}

impl InstitutionInput {
    /// Longest acronym accepted.
    pub const ACRONYM_MAX: usize = 30;

    pub fn parse(&self) -> Result<ValidInstitution, Vec<Invalid>> {
        let mut problems = Problems::default();
        let name = problems.check("name", ShortText::parse_required(&self.name));
        let acronym = problems.check("acronym", ShortText::parse_max(&self.acronym, Self::ACRONYM_MAX));
        problems.finish()?;
        match (name, acronym) {
            (Some(name), Some(acronym)) => Ok(ValidInstitution { name, acronym, kind: self.kind }),
            _ => unreachable!("every missing value recorded a problem"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_institution_needs_a_name_and_a_short_acronym() {
        let input = InstitutionInput { name: " ".into(), acronym: "X".repeat(31), kind: InstitutionKind::Court };
        let fields: Vec<_> = input.parse().unwrap_err().iter().map(|p| p.field).collect();
        assert_eq!(fields, ["name", "acronym"]);
    }

    #[test]
    fn kinds_round_trip_through_their_codes() {
        for kind in InstitutionKind::ALL {
            assert_eq!(InstitutionKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(InstitutionKind::from_code("agency"), None);
    }
}
