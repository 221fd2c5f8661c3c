//! Engagement areas (*axes*): the groups a plan's commitments are arranged in.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::id::{AreaId, PlanId};
use crate::invalid::{Invalid, Problems};
use crate::text::{LongText, Title};

/// Transversal areas cut across policies (participation, transparency…); thematic ones are about
/// one policy field (ecological transition, health…).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum AreaKind {
    Transversal,
    Thematic,
}

impl AreaKind {
    pub fn code(self) -> &'static str {
        match self {
            AreaKind::Transversal => "transversal",
            AreaKind::Thematic => "thematic",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "transversal" => Some(AreaKind::Transversal),
            "thematic" => Some(AreaKind::Thematic),
            _ => None,
        }
    }
}

/// An engagement area as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Area {
    pub id: AreaId,
    pub plan_id: PlanId,
    pub kind: AreaKind,
    pub title: String,
    pub description: String,
    /// Rank of the area within its plan, from 0.
    pub position: u32,
}

/// What a person types to create or rename an engagement area.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AreaInput {
    pub kind: AreaKind,
    pub title: String,
    pub description: String,
}

/// An engagement area's fields, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidArea {
    pub kind: AreaKind,
    pub title: Title,
    pub description: LongText,
}

impl AreaInput {
    pub fn parse(&self) -> Result<ValidArea, Vec<Invalid>> {
        let mut problems = Problems::default();
        let title = problems.check("title", Title::parse(&self.title));
        let description = problems.check("description", LongText::parse(&self.description));
        problems.finish()?;
        match (title, description) {
            (Some(title), Some(description)) => Ok(ValidArea { kind: self.kind, title, description }),
            _ => unreachable!("every missing value recorded a problem"),
        }
    }
}
