//! How the parts of a plan are numbered: the one rule behind the numbers the app shows (the
//! overview, the commitment screen) and the printable plan prints. The interface never numbers
//! anything itself: it shows the numbers the core gives it.
//!
//! - an engagement area is numbered by its rank in the plan, from 1: `2`;
//! - a commitment by its area's number and its rank in the area: `2.3`;
//! - a milestone by its commitment's number and its rank in the commitment: `2.3.1`.
//!
//! Ranks follow the order the plan is shown in (by position; ranks are kept 0, 1, 2… by the
//! store). A commitment imported from the OGP commitment database keeps the number it had in the
//! published plan as a fact of its origin (`CommitmentOrigin::number`), shown as such: it is not
//! its number here, so that one plan never mixes two numbering schemes.

/// The number of the area at `area_rank` (from 0) in its plan.
pub fn area_number(area_rank: usize) -> String {
    (area_rank + 1).to_string()
}

/// The number of the commitment at `rank` (from 0) in the area at `area_rank` (from 0).
pub fn commitment_number(area_rank: usize, rank: usize) -> String {
    format!("{}.{}", area_number(area_rank), rank + 1)
}

/// The number of the milestone at `rank` (from 0) in the commitment numbered `commitment`.
pub fn milestone_number(commitment: &str, rank: usize) -> String {
    format!("{commitment}.{}", rank + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_numbered_from_one_within_their_parent() {
        assert_eq!(area_number(0), "1");
        assert_eq!(commitment_number(1, 2), "2.3");
        assert_eq!(milestone_number(&commitment_number(1, 2), 0), "2.3.1");
        assert_eq!(milestone_number("10.12", 9), "10.12.10");
    }
}
