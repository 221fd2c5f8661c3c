//! The progress workbook as a file: what it holds for an institution (rows, numbers, current
//! status, locked and hidden cells, the drop-down list, the instructions), and how a workbook sent
//! back is read — filled cells as a report's values, empty rows skipped, and every problem of a
//! broken file (not a zip, truncated, a sheet missing, a header renamed, a status mistyped, an
//! identifier changed, a row added) with its sheet, row and column. Whether the values are
//! acceptable (dates, links, a row of another plan) is the store's to say: see
//! `crates/app/tests/progress_workbook.rs`.

#![allow(clippy::unwrap_used)]

#[path = "support/xlsx_cells.rs"]
mod xlsx_cells;

use std::collections::BTreeMap;

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use plan_ouvert_domain::{Locale, ProgressStatus};
use plan_ouvert_opendata::progress_workbook::{
    progress_workbook, progress_workbook_name, read_progress_workbook, Column, FilledWorkbook, FORMAT, META_SHEET,
};
use plan_ouvert_opendata::Dataset;
use plan_ouvert_sync::protocol::{RecordKind, Value};
use serde_json::json;
use uuid::Uuid;
use xlsx_cells::{edit_part, fill, part, Typed};

const PLAN: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0001);
const AREA_1: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_00a1);
const AREA_2: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_00a2);
const MTE: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0011);
const HATVP: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0012);
/// Led by the ministry, two milestones; second in its area.
const C_MTE: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0c01);
/// Led by the HATVP, first in its area.
const C_HATVP: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0c02);
/// No lead institution: nobody reports in its name.
const C_NONE: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0c03);
const M_1: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0d01);
const M_2: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0d02);
const M_3: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0d03);

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

fn fields(value: Value) -> BTreeMap<String, Value> {
    value.as_object().unwrap().clone().into_iter().collect()
}

fn commitment(area: Uuid, position: u32, title: &str, lead: Option<Uuid>) -> Value {
    json!({
        "planId": PLAN.to_string(), "areaId": area.to_string(), "position": position, "title": title,
        "briefDescription": "", "problem": "", "causes": "", "doneSoFar": "", "solution": "",
        "expectedResults": "", "transparency": "", "accountability": "", "participation": "",
        "leadInstitutionId": lead.map(|l| l.to_string()), "supportingInstitutionIds": [], "otherSupporters": "",
        "startDate": "2022-01-01", "endDate": "2023-06-30",
        "accessToInformation": false, "civicParticipation": false, "publicAccountability": false,
        "technologyInnovation": false,
        "contactName": "", "contactTitle": "", "contactDepartment": "", "contactEmail": "", "contactPhone": "",
        "ogpId": null, "number": "", "shortTitle": "", "fullText": "", "startDateSource": "", "endDateSource": "",
        "policyAreas": [], "url": "", "assessment": null, "sourceColumns": {}, "weight": 1
    })
}

fn milestone(commitment: Uuid, position: u32, title: &str, due: Option<&str>) -> Value {
    json!({
        "commitmentId": commitment.to_string(), "position": position, "title": title, "expectedOutputs": "",
        "startDate": null, "dueDate": due, "leadInstitutionId": null, "weight": 1
    })
}

fn report(milestone: Uuid, reported_on: &str, status: &str) -> Value {
    json!({
        "commitmentId": C_MTE.to_string(), "milestoneId": milestone.to_string(),
        "reportedOn": reported_on, "status": status, "done": "", "difficulties": "", "nextSteps": "",
        "results": "", "openedGovernment": null, "links": [], "corrects": null,
        "authorId": Uuid::nil().to_string(), "authorName": "Camille Martin",
        "institutionId": MTE.to_string(), "onBehalf": false
    })
}

/// A plan of two areas: the ministry's commitment (second of the first area, two milestones, the
/// first reported on twice), the HATVP's (first of the first area) and one without a lead.
fn dataset() -> Dataset {
    let mut d = Dataset::default();
    d.insert(
        RecordKind::Plan,
        PLAN,
        fields(json!({
            "country": "France", "title": "France — Plan d'action national 2021-2023",
            "periodStart": "2021-12-17", "periodEnd": "2023-12-31", "ogpPlanId": null, "planNumber": null
        })),
    );
    for (id, position, title) in [(AREA_1, 0, "Transparence"), (AREA_2, 1, "Transition écologique")] {
        d.insert(
            RecordKind::Area,
            id,
            fields(json!({
                "planId": PLAN.to_string(), "kind": "transversal", "title": title, "description": "",
                "position": position
            })),
        );
    }
    d.insert(
        RecordKind::Institution,
        MTE,
        fields(json!({ "name": "Ministère de la Transition écologique", "acronym": "MTE", "kind": "ministry", "country": "France" })),
    );
    d.insert(
        RecordKind::Institution,
        HATVP,
        fields(json!({
            "name": "Haute Autorité pour la transparence de la vie publique", "acronym": "HATVP",
            "kind": "independentAuthority", "country": "France"
        })),
    );
    d.insert(RecordKind::Commitment, C_HATVP, fields(commitment(AREA_1, 0, "Publier les déclarations", Some(HATVP))));
    d.insert(
        RecordKind::Commitment,
        C_MTE,
        fields(commitment(AREA_1, 1, "Ouvrir les données environnementales", Some(MTE))),
    );
    d.insert(RecordKind::Commitment, C_NONE, fields(commitment(AREA_2, 0, "Sans porteur", None)));
    d.insert(
        RecordKind::Milestone,
        M_1,
        fields(milestone(C_MTE, 0, "Recenser les jeux de données", Some("2022-12-31"))),
    );
    d.insert(RecordKind::Milestone, M_2, fields(milestone(C_MTE, 1, "Publier le catalogue", None)));
    d.insert(RecordKind::Milestone, M_3, fields(milestone(C_HATVP, 0, "Schéma des déclarations", Some("2022-06-30"))));
    d.insert(RecordKind::Report, Uuid::now_v7(), fields(report(M_1, "2022-03-01", "limited")));
    d.insert(RecordKind::Report, Uuid::now_v7(), fields(report(M_1, "2022-09-15", "substantial")));
    d
}

fn ministry_workbook(locale: Locale) -> Vec<u8> {
    progress_workbook(&dataset(), PLAN, Some(MTE), locale, day()).unwrap()
}

/// The sheet `name` as rows of cell texts.
fn sheet(bytes: &[u8], name: &str) -> Vec<Vec<String>> {
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let range = workbook.worksheet_range(name).unwrap();
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::DateTime(d) => d.as_datetime().unwrap().date().to_string(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

fn read_back(bytes: &[u8]) -> FilledWorkbook {
    read_progress_workbook(bytes, Locale::Fr)
}

/// The problems as (row, column, message).
fn problems(read: &FilledWorkbook) -> Vec<(Option<u32>, Option<String>, String)> {
    read.problems.iter().map(|p| (p.row, p.column.clone(), p.message.clone())).collect()
}

#[test]
fn the_workbook_of_an_institution_has_a_row_per_milestone_of_what_it_carries_and_one_per_commitment() {
    let bytes = ministry_workbook(Locale::Fr);
    let rows = sheet(&bytes, "Suivi");
    let headers: Vec<String> = Column::ALL.iter().map(|c| c.header(Locale::Fr)).collect();
    assert_eq!(rows[0], headers);
    assert_eq!(
        &headers[..9],
        [
            "N°",
            "Titre de l'engagement",
            "Jalon",
            "Institution porteuse",
            "Date d'échéance",
            "État d'avancement actuel",
            "Date de l'état actuel",
            "Date du rapport",
            "Nouvel état d'avancement"
        ]
    );
    // The ministry's commitment only, numbered as the app numbers it (second of area 1).
    let shown: Vec<Vec<&str>> = rows[1..].iter().map(|r| r[..7].iter().map(String::as_str).collect()).collect();
    assert_eq!(
        shown,
        [
            vec![
                "1.2",
                "Ouvrir les données environnementales",
                "Compte rendu de l'engagement",
                "Ministère de la Transition écologique (MTE)",
                "2023-06-30",
                "Aucun rapport",
                ""
            ],
            vec![
                "1.2.1",
                "Ouvrir les données environnementales",
                "Recenser les jeux de données",
                "Ministère de la Transition écologique (MTE)",
                "2022-12-31",
                "Substantiel",
                "2022-09-15"
            ],
            vec![
                "1.2.2",
                "Ouvrir les données environnementales",
                "Publier le catalogue",
                "Ministère de la Transition écologique (MTE)",
                "",
                "Aucun rapport",
                ""
            ],
        ]
    );
    // Columns to fill are empty; the identifiers match each row back.
    for row in &rows[1..] {
        assert!(row[7..13].iter().all(String::is_empty), "{row:?}");
    }
    let ids: Vec<(&str, &str)> = rows[1..].iter().map(|r| (r[13].as_str(), r[14].as_str())).collect();
    let (c, m1, m2) = (C_MTE.to_string(), M_1.to_string(), M_2.to_string());
    assert_eq!(ids, [(c.as_str(), ""), (c.as_str(), m1.as_str()), (c.as_str(), m2.as_str())]);

    // Every institution: the HATVP's commitment first (its number is 1.1), never the one without a lead.
    let all = sheet(&progress_workbook(&dataset(), PLAN, None, Locale::Fr, day()).unwrap(), "Suivi");
    let numbers: Vec<&str> = all[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(numbers, ["1.1", "1.1.1", "1.2", "1.2.1", "1.2.2"]);
    assert!(all.iter().all(|r| r[1] != "Sans porteur"));
}

#[test]
fn identifiers_are_hidden_and_locked_the_columns_to_fill_open_with_a_list_of_statuses() {
    let bytes = ministry_workbook(Locale::Fr);
    let xml = part(&bytes, "xl/worksheets/sheet1.xml");
    // Protected (without a password), first row frozen, filterable.
    assert!(xml.contains("<sheetProtection"), "{xml}");
    assert!(!xml.contains("password"));
    assert!(xml.contains("ySplit=\"1\"") && xml.contains("state=\"frozen\""));
    assert!(xml.contains("<autoFilter ref=\"A1:O4\""));
    // The identifiers' columns (N and O) are hidden.
    let cols = &xml[xml.find("<cols>").unwrap()..xml.find("</cols>").unwrap()];
    assert!(cols.contains("<col min=\"14\" max=\"15\" width=\"38.7109375\" hidden=\"1\""), "{cols}");
    // The drop-down list of the completion scale, in French, on the new status's column.
    let labels: Vec<&str> = ProgressStatus::ALL.iter().map(|s| s.label(Locale::Fr)).collect();
    assert!(xml.contains(&format!("<formula1>\"{}\"</formula1>", labels.join(","))), "{xml}");
    assert!(xml.contains("sqref=\"I2:I4\""));
    // A date never after today.
    assert!(xml.contains("sqref=\"H2:H4\"") && xml.contains("TODAY()"));
    // The cells to fill are unlocked, the others locked.
    let styles = part(&bytes, "xl/styles.xml");
    assert!(styles.contains("<protection locked=\"0\"/>"));
    let style_of = |reference: &str| -> String {
        let at = xml.find(&format!("<c r=\"{reference}\"")).unwrap();
        let rest = &xml[at..];
        let s = &rest[rest.find(" s=\"").unwrap() + 4..];
        s[..s.find('"').unwrap()].to_string()
    };
    let xfs: Vec<&str> = styles.split("<cellXfs").nth(1).unwrap().split("<xf ").skip(1).collect();
    let unlocked = |reference: &str| xfs[style_of(reference).parse::<usize>().unwrap()].contains("locked=\"0\"");
    for filled in ["H2", "I2", "J3", "K3", "L4", "M4"] {
        assert!(unlocked(filled), "{filled} is to be filled");
    }
    for shown in ["A2", "B3", "F3", "N3", "O3"] {
        assert!(!unlocked(shown), "{shown} is not to be changed");
    }

    // The instructions, and the hidden sheet that says what the workbook is about.
    let workbook = part(&bytes, "xl/workbook.xml");
    assert!(workbook.contains("name=\"Suivi\"") && workbook.contains("name=\"Mode d"), "{workbook}");
    assert!(workbook.contains(&format!("name=\"{META_SHEET}\" sheetId=\"3\" state=\"hidden\"")), "{workbook}");
    let instructions = sheet(&bytes, "Mode d'emploi").concat().join("\n");
    assert!(instructions.contains("Ministère de la Transition écologique (MTE)"));
    assert!(instructions.contains("titre — https://"));
    let meta = sheet(&bytes, META_SHEET);
    assert_eq!(meta[0], ["format", FORMAT]);
    assert_eq!(meta[1], ["plan".to_string(), PLAN.to_string()]);
    assert_eq!(meta[2], ["institution".to_string(), MTE.to_string()]);
}

#[test]
fn headers_follow_the_persons_language_and_the_file_is_named_after_the_institution_and_the_day() {
    let rows = sheet(&ministry_workbook(Locale::En), "Progress");
    assert_eq!(&rows[0][7..10], ["Report date", "New status", "What was done"]);
    assert_eq!(rows[1][2], "The commitment's own account");
    assert_eq!(rows[2][5], "Substantial");
    let d = dataset();
    assert_eq!(progress_workbook_name(&d, Some(MTE), day(), Locale::Fr).unwrap(), "Suivi — MTE — 2026-11-30.xlsx");
    assert_eq!(
        progress_workbook_name(&d, None, day(), Locale::Fr).unwrap(),
        "Suivi — toutes les institutions — 2026-11-30.xlsx"
    );
    assert_eq!(
        progress_workbook_name(&d, Some(HATVP), day(), Locale::En).unwrap(),
        "Progress — HATVP — 2026-11-30.xlsx"
    );
    let unknown = progress_workbook(&d, PLAN, Some(Uuid::nil()), Locale::Fr, day()).unwrap_err();
    assert!(unknown.message(Locale::Fr).contains("aucun classeur de suivi"), "{}", unknown.message(Locale::Fr));
}

#[test]
fn filled_cells_are_read_as_reports_and_empty_rows_are_skipped() {
    let bytes = fill(
        &ministry_workbook(Locale::Fr),
        &[
            // The commitment's own account: a date typed as text, day first.
            ("H2", Typed::Text("15/03/2024")),
            ("I2", Typed::Text("Limité")),
            ("J2", Typed::Text("Le catalogue est en ligne.\nDeux jeux sur dix.")),
            // Milestone 1.2.1: a real date, links on two lines.
            ("H3", Typed::Date(2024, 3, 1)),
            ("I3", Typed::Text("achevé")),
            ("K3", Typed::Text("Des formats fermés.")),
            ("L3", Typed::Text("Publier le reste.")),
            ("M3", Typed::Text("Catalogue — https://data.example.gouv.fr/\nDécret – https://www.legifrance.gouv.fr/x")),
        ],
    );
    let read = read_back(&bytes);
    assert_eq!(problems(&read), []);
    assert_eq!((read.plan, read.institution, read.language), (Some(PLAN), Some(MTE), Locale::Fr));
    assert_eq!(read.empty, 1, "milestone 1.2.2 left empty");
    assert_eq!(read.rows.len(), 2);
    let own = &read.rows[0];
    assert_eq!((own.row, own.input.commitment_id.0, own.input.milestone_id), (2, C_MTE, None));
    assert_eq!(own.input.reported_on, "2024-03-15");
    assert_eq!(own.input.status, Some(ProgressStatus::Limited));
    assert_eq!(own.input.done, "Le catalogue est en ligne.\nDeux jeux sur dix.");
    let first = &read.rows[1];
    assert_eq!((first.row, first.input.milestone_id.map(|m| m.0)), (3, Some(M_1)));
    assert_eq!(first.input.reported_on, "2024-03-01");
    assert_eq!(first.input.status, Some(ProgressStatus::Complete));
    assert_eq!(
        (first.input.difficulties.as_str(), first.input.next_steps.as_str()),
        ("Des formats fermés.", "Publier le reste.")
    );
    let links: Vec<(&str, &str)> = first.input.links.iter().map(|l| (l.title.as_str(), l.url.as_str())).collect();
    assert_eq!(links, [("Catalogue", "https://data.example.gouv.fr/"), ("Décret", "https://www.legifrance.gouv.fr/x")]);
}

#[test]
fn a_file_that_is_not_a_workbook_or_is_truncated_is_refused_as_a_whole() {
    for bytes in [b"Bonjour, voici mon rapport.".to_vec(), {
        let whole = ministry_workbook(Locale::Fr);
        whole[..whole.len() / 2].to_vec()
    }] {
        let read = read_back(&bytes);
        assert_eq!(read.plan, None);
        assert!(read.rows.is_empty());
        assert_eq!(
            problems(&read),
            [(
                None,
                None,
                "Ce fichier n'est pas un classeur Excel (.xlsx) lisible : il est peut-être abîmé, incomplet ou d'un autre format."
                    .to_string()
            )]
        );
    }
    // In English too.
    let read = read_progress_workbook(b"PK\x03\x04 broken", Locale::En);
    assert!(read.problems[0].message.starts_with("This file is not a readable Excel workbook"));
}

#[test]
fn a_sheet_missing_is_said_by_its_name() {
    let renamed = edit_part(&ministry_workbook(Locale::Fr), "xl/workbook.xml", |x| {
        x.replace("name=\"Suivi\"", "name=\"Feuil1\"")
    });
    let read = read_back(&renamed);
    assert_eq!(read.plan, Some(PLAN), "what the workbook is about is still read");
    assert!(read.rows.is_empty());
    assert_eq!(problems(&read).len(), 1);
    assert!(
        read.problems[0].message.starts_with("La feuille « Suivi » est absente du classeur"),
        "{:?}",
        read.problems
    );

    // Without the hidden sheet, it is not a progress workbook at all (a workbook of the plan, say).
    let other = edit_part(&ministry_workbook(Locale::Fr), "xl/workbook.xml", |x| {
        x.replace("name=\"plan-ouvert\"", "name=\"Notes\"")
    });
    let read = read_back(&other);
    assert_eq!(read.plan, None);
    assert!(read.problems[0].message.starts_with("Ce classeur n'est pas un classeur de suivi exporté par Plan ouvert"));
    let plan_workbook = plan_ouvert_opendata::export::plan_xlsx(&dataset(), PLAN, Locale::Fr).unwrap();
    assert!(read_progress_workbook(&plan_workbook, Locale::Fr).problems[0]
        .message
        .contains("« plan-ouvert » en est absente"));
    // Nor is one of another format.
    let newer = edit_part(&ministry_workbook(Locale::Fr), "xl/sharedStrings.xml", |x| {
        x.replace(FORMAT, "plan-ouvert:progress-workbook:9")
    });
    assert!(read_back(&newer).problems[0].message.contains("son format n'est pas reconnu"));
}

#[test]
fn a_header_renamed_is_said_with_its_column_and_no_row_is_read() {
    let bytes = fill(&ministry_workbook(Locale::Fr), &[("H3", Typed::Date(2024, 3, 1)), ("I3", Typed::Text("Achevé"))]);
    let bytes =
        edit_part(&bytes, "xl/sharedStrings.xml", |x| x.replace("<t>Ce qui a été fait</t>", "<t>Réalisations</t>"));
    let read = read_back(&bytes);
    assert!(read.rows.is_empty());
    assert_eq!(
        problems(&read),
        [(
            Some(1),
            Some("J".to_string()),
            "L'en-tête de cette colonne devrait être « Ce qui a été fait », et non « Réalisations » : les colonnes ne se renomment, ne se déplacent ni ne se suppriment."
                .to_string()
        )]
    );
    assert_eq!(read.problems[0].sheet, "Suivi");
    assert_eq!(read.problems[0].column_title.as_deref(), Some("Ce qui a été fait"));
}

#[test]
fn a_mistyped_status_a_changed_identifier_and_an_added_row_are_said_with_row_and_column() {
    let bytes = fill(
        &ministry_workbook(Locale::Fr),
        &[
            ("H2", Typed::Date(2024, 3, 1)),
            ("I2", Typed::Text("Acheve")),
            ("J2", Typed::Text("Fait.")),
            // A date that is not one and a status left out are for the parser to refuse.
            ("H3", Typed::Text("fin mars")),
            ("J3", Typed::Text("Un peu.")),
            // An identifier typed over.
            ("I4", Typed::Text("Limité")),
            ("O4", Typed::Text("pas-un-identifiant")),
        ],
    );
    let read = read_back(&bytes);
    assert_eq!(
        problems(&read),
        [
            (
                Some(2),
                Some("I".to_string()),
                "« Acheve » n'est pas un état de la liste : Non commencé, Limité, Substantiel, Achevé, Retiré.".to_string()
            ),
            (
                Some(4),
                Some("O".to_string()),
                "Cet identifiant est illisible : les colonnes cachées ne se modifient pas. Repartez du classeur exporté."
                    .to_string()
            ),
        ]
    );
    // Row 2 is read with its status unreadable (its problem said once); row 3 as typed, for the
    // parser to refuse its date and its missing status.
    assert_eq!(read.rows.len(), 2);
    assert_eq!(
        (read.rows[0].row, read.rows[0].input.status, read.rows[0].unreadable.clone()),
        (2, None, vec!["status"])
    );
    assert_eq!((read.rows[1].input.reported_on.as_str(), read.rows[1].input.status), ("fin mars", None));

    // A row filled where the export had none: no identifiers.
    let added = fill(
        &ministry_workbook(Locale::Fr),
        &[("N3", Typed::Empty), ("O3", Typed::Empty), ("I3", Typed::Text("Limité"))],
    );
    let read = read_back(&added);
    assert_eq!(read.rows.len(), 0);
    assert_eq!(read.problems.len(), 1);
    assert_eq!((read.problems[0].row, read.problems[0].column.as_deref()), (Some(3), Some("N")));
    assert!(read.problems[0].message.starts_with("Cette ligne n'a pas d'identifiant"));
}
