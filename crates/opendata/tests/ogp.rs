//! The importer of the OGP commitment database, on the real sample export and on broken files.

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use plan_ouvert_domain::{Assessed, Assessment, Completion, Locale, OpenedGovernment, PotentialImpact, Specificity};
use plan_ouvert_opendata::dataset::Fields;
use plan_ouvert_opendata::ogp::{
    read_ogp_csv, read_ogp_csv_with_progress, Convention, OgpImport, OgpRefusal, WarningKind, MAX_PROBLEMS,
};
use plan_ouvert_opendata::{deterministic_id, Dataset};
use plan_ouvert_sync::protocol::{RecordKind, Value};
use uuid::Uuid;

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/ogp/ogp-commitments-sample.csv");

/// The real export. Missing, the test fails: the importer is only tested on real data.
fn sample() -> Vec<u8> {
    std::fs::read(SAMPLE).unwrap_or_else(|e| {
        panic!(
            "the sample export of the OGP commitment database is required at {SAMPLE} ({e}); it lives outside the \
             repository, in shared/data/ogp/"
        )
    })
}

/// The sample, imported once for all the tests that only read it.
fn import_sample() -> &'static OgpImport {
    static IMPORT: OnceLock<OgpImport> = OnceLock::new();
    IMPORT.get_or_init(|| match read_ogp_csv(&sample()) {
        Ok(import) => import,
        Err(refusal) => panic!("the sample was refused:\n{}", refusal.message(Locale::En)),
    })
}

fn refuse(bytes: &[u8]) -> OgpRefusal {
    match read_ogp_csv(bytes) {
        Ok(import) => panic!("accepted {} rows instead of refusing", import.rows),
        Err(refusal) => refusal,
    }
}

fn commitment<'a>(dataset: &'a Dataset, ogp_id: &str) -> &'a Fields {
    dataset
        .get(RecordKind::Commitment, deterministic_id(&format!("commitment:{ogp_id}")))
        .unwrap_or_else(|| panic!("no commitment {ogp_id}"))
}

fn text<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields.get(name).and_then(Value::as_str).unwrap_or_else(|| panic!("{name} is not text: {:?}", fields.get(name)))
}

fn id_of(value: &Value) -> Uuid {
    value.as_str().and_then(|s| s.parse().ok()).unwrap_or_else(|| panic!("not an id: {value:?}"))
}

fn institution_name(dataset: &Dataset, id: &Value) -> String {
    let fields = dataset.get(RecordKind::Institution, id_of(id)).expect("institution exists");
    fields["name"].as_str().expect("name").to_string()
}

fn assessment(fields: &Fields) -> Assessment {
    serde_json::from_value(fields["assessment"].clone()).expect("assessment is an Assessment")
}

/// The sample's header line, and a file made of it and of rows given as `(column, value)`.
fn header() -> Vec<String> {
    let bytes = sample();
    let mut reader = csv::Reader::from_reader(&bytes[..]);
    reader.headers().expect("a header").iter().map(str::to_string).collect()
}

fn quote(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

fn file_with(extra_columns: &[&str], rows: &[Vec<(&str, &str)>]) -> Vec<u8> {
    let mut columns = header();
    columns.extend(extra_columns.iter().map(|c| c.to_string()));
    let mut out = columns.iter().map(|c| quote(c)).collect::<Vec<_>>().join(",");
    for row in rows {
        out.push_str("\r\n");
        let values: Vec<String> =
            columns.iter().map(|c| row.iter().find(|(k, _)| k == c).map_or(String::new(), |(_, v)| quote(v))).collect();
        out.push_str(&values.join(","));
    }
    out.push_str("\r\n");
    out.into_bytes()
}

fn row<'a>(id: &'a str, extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut row = vec![
        ("Commitment Unique Identifier", id),
        ("Country/Locality", "Testland"),
        ("Action Plan ID", "AP_TST01"),
        ("Action Plan Number", "1"),
        ("Year Of Submission", "2020"),
        ("Action Plan End Year", "2022"),
        ("Commitment Number", "1"),
        ("Commitment Title", "A title"),
        ("Full Text", "A text."),
        ("Start Date", "NA"),
        ("End Date", "NA"),
    ];
    for (k, v) in extra {
        row.retain(|(c, _)| c != k);
        row.push((k, v));
    }
    row
}

// ---------------------------------------------------------------------------------------------
// The whole sample.

#[test]
fn the_whole_sample_is_imported_with_its_plans_areas_and_institutions() {
    let import = import_sample();
    let d = &import.dataset;
    assert_eq!(import.rows, 405);
    assert_eq!(d.count(RecordKind::Commitment), 405);
    assert_eq!(d.count(RecordKind::Plan), 150);
    assert_eq!(d.count(RecordKind::Area), 215);
    // One per country and name; free text that only describes who takes part is not one.
    assert_eq!(d.count(RecordKind::Institution), 1243);
    assert_eq!(d.count(RecordKind::Milestone), 0);

    let field_names: BTreeSet<&str> = [
        "planId",
        "areaId",
        "position",
        "title",
        "shortTitle",
        "fullText",
        "ogpId",
        "number",
        "startDate",
        "endDate",
        "startDateSource",
        "endDateSource",
        "leadInstitutionId",
        "supportingInstitutionIds",
        "policyAreas",
        "url",
        "assessment",
        "sourceColumns",
        "briefDescription",
        "problem",
        "causes",
        "doneSoFar",
        "solution",
        "expectedResults",
        "transparency",
        "accountability",
        "participation",
        "otherSupporters",
        "accessToInformation",
        "civicParticipation",
        "publicAccountability",
        "technologyInnovation",
        "contactName",
        "contactTitle",
        "contactDepartment",
        "contactEmail",
        "contactPhone",
    ]
    .into_iter()
    .collect();
    let mut ogp_ids = HashMap::new();
    for (id, fields) in d.of_kind(RecordKind::Commitment) {
        let names: BTreeSet<&str> = fields.keys().map(String::as_str).collect();
        assert_eq!(names, field_names, "fields of commitment {id}");
        let plan = d.get(RecordKind::Plan, id_of(&fields["planId"])).expect("the commitment's plan exists");
        let area = d.get(RecordKind::Area, id_of(&fields["areaId"])).expect("the commitment's area exists");
        assert_eq!(area["planId"], fields["planId"], "the area belongs to the commitment's plan");
        assert!(plan["title"].as_str().is_some_and(|t| t.contains("Plan d'action")));
        if !fields["leadInstitutionId"].is_null() {
            assert!(d.get(RecordKind::Institution, id_of(&fields["leadInstitutionId"])).is_some());
        }
        for supporting in fields["supportingInstitutionIds"].as_array().expect("an array") {
            assert!(d.get(RecordKind::Institution, id_of(supporting)).is_some());
            assert_ne!(*supporting, fields["leadInstitutionId"], "the lead is not also supporting");
        }
        let ogp_id = fields["ogpId"].as_str().expect("ogpId").to_string();
        assert_eq!(id, deterministic_id(&format!("commitment:{ogp_id}")));
        ogp_ids.insert(ogp_id, id);
    }
    for (_, institution) in d.of_kind(RecordKind::Institution) {
        let name = institution["name"].as_str().expect("name");
        assert!(!name.is_empty() && name.chars().count() <= 200, "{name}");
        assert!(["ministry", "parliament", "court", "other"].contains(&institution["kind"].as_str().expect("kind")));
    }

    // Warnings carry the row (as a spreadsheet shows it) and the row's identifier.
    assert!(!import.warnings.is_empty());
    let bytes = sample();
    let text = std::str::from_utf8(&bytes).expect("UTF-8");
    for warning in &import.warnings {
        assert!((2..=406).contains(&warning.row), "{warning:?}");
        assert!(ogp_ids.contains_key(&warning.identifier), "{warning:?}");
        assert!(header().contains(&warning.column), "{warning:?}");
        assert!(!warning.message_fr.is_empty() && !warning.message_en.is_empty());
    }
    // EE0025 is on row 18 of the sample.
    let ee = import.warnings.iter().find(|w| w.identifier == "EE0025").expect("EE0025 has a warning");
    assert_eq!(ee.row, 18);
    assert!(text.contains("EE0025"));
}

#[test]
fn fr0001_is_read_exactly() {
    let import = import_sample();
    let d = &import.dataset;
    let c = commitment(d, "FR0001");
    let plan = d.get(RecordKind::Plan, deterministic_id("plan:AP_FRA01")).expect("plan AP_FRA01");
    assert_eq!(plan["ogpPlanId"], "AP_FRA01");
    assert_eq!(plan["country"], "France");
    assert_eq!(plan["planNumber"], 1);
    assert_eq!(plan["title"], "France — Plan d'action 1 (2015-2017)");
    assert_eq!(plan["periodStart"], "2015-01-01");
    assert_eq!(plan["periodEnd"], "2017-12-31");
    assert_eq!(id_of(&c["planId"]), deterministic_id("plan:AP_FRA01"));

    let area = d.get(RecordKind::Area, id_of(&c["areaId"])).expect("area");
    assert_eq!(area["title"], "Ensure Accountability");
    assert_eq!(area["kind"], "thematic");
    assert_eq!(area["position"], 0);
    assert_eq!(id_of(&c["areaId"]), deterministic_id("area:AP_FRA01:Ensure Accountability"));

    assert_eq!(c["title"], "Open Regional and Local Authorities' Data");
    assert_eq!(c["number"], "1.1");
    assert_eq!(c["position"], 0);
    assert_eq!(c["url"], "https://opengovpartnership.org/members/france/commitments/fr0001");
    assert!(text(c, "fullText").starts_with("STAKES \n To meet the citizens’ legitimate expectations"));

    // NA dates: no date, no warning.
    assert_eq!(c["startDate"], Value::Null);
    assert_eq!(c["endDate"], Value::Null);
    assert_eq!(c["startDateSource"], "NA");
    assert!(import.warnings.iter().all(|w| w.identifier != "FR0001"), "FR0001 has nothing odd");

    // Institutions.
    assert_eq!(institution_name(d, &c["leadInstitutionId"]), "Ministry of the Interior");
    assert_eq!(id_of(&c["leadInstitutionId"]), deterministic_id("institution:france:ministry of the interior"));
    let supporting: Vec<String> =
        c["supportingInstitutionIds"].as_array().expect("array").iter().map(|id| institution_name(d, id)).collect();
    assert_eq!(supporting, ["Ministry for Decentralization and the Civil Service"]);
    let lead = d.get(RecordKind::Institution, id_of(&c["leadInstitutionId"])).expect("lead");
    assert_eq!(lead["kind"], "ministry");
    assert_eq!(lead["acronym"], "");

    // Policy areas: the columns with 1.
    let areas: Vec<&str> = c["policyAreas"].as_array().expect("array").iter().filter_map(Value::as_str).collect();
    assert_eq!(
        areas,
        [
            "Fiscal Openness",
            "Publication Of Budget/Fiscal Information",
            "Tax",
            "Legislation",
            "Open Data",
            "Access to information"
        ]
    );

    // Assessment.
    let a = assessment(c);
    assert_eq!(a.specificity, Assessed::Assessed(Specificity::High));
    assert_eq!(a.verifiable, Assessed::Assessed(true));
    assert_eq!(a.relevant_access_to_information, Assessed::Assessed(true));
    assert_eq!(a.relevant_civic_participation, Assessed::Assessed(false));
    assert_eq!(a.potential_impact, Assessed::Assessed(PotentialImpact::Moderate));
    assert_eq!(a.completion_progress_report, Assessed::Assessed(Completion::Substantial));
    assert_eq!(a.completion_end_of_term, Assessed::Assessed(Completion::Substantial));
    assert_eq!(a.opened_government, Assessed::Assessed(OpenedGovernment::Major));
    assert_eq!(a.opened_government_civic_participation, Assessed::NotApplicable);
    assert_eq!(a.potential_for_results, Assessed::NotAssessed);
    // End of term says 0 while the 2015 formula said 1: the end of term wins.
    assert_eq!(a.starred, Assessed::Assessed(false));

    // Everything else is kept verbatim.
    let source = c["sourceColumns"].as_object().expect("object");
    assert_eq!(source["Region"], "Europe");
    assert_eq!(source["_Specificity"], "3");
    assert!(!source.contains_key("Starred (2015 Only)"), "mapped and understood: not repeated");
    assert_eq!(source["Commitment Number"], "1.1000000000000001", "the raw number is kept");
    assert_eq!(source["Digital Participation"], "ND", "a policy area neither 0 nor 1 is kept");
    assert_eq!(source["id"], "1175");
    assert!(!source.contains_key("Specificity"));
    assert!(!source.contains_key("Full Text"));

    // Template defaults.
    assert_eq!(c["accessToInformation"], false);
    assert_eq!(c["contactEmail"], "");
    assert_eq!(c["otherSupporters"], "");
}

#[test]
fn dates_day_month_month_day_ambiguous_and_absent() {
    let import = import_sample();
    let d = &import.dataset;
    let warnings_of = |id: &str| import.warnings.iter().filter(|w| w.identifier == id).collect::<Vec<_>>();

    // Day/month: 28/5/2014 and 31/12/2014 have one reading each.
    let id0041 = commitment(d, "ID0041");
    assert_eq!(id0041["startDate"], "2014-05-28");
    assert_eq!(id0041["endDate"], "2014-12-31");
    assert_eq!(id0041["startDateSource"], "");
    assert!(warnings_of("ID0041").is_empty());

    // NA start, day/month end.
    let ua0035 = commitment(d, "UA0035");
    assert_eq!(ua0035["startDate"], Value::Null);
    assert_eq!(ua0035["endDate"], "2015-01-31");
    assert!(warnings_of("UA0035").iter().all(|w| !w.column.contains("Date")));

    // 10/1/2021 is 10 January or 1 October by itself; its plan's unambiguous dates (8/30/2023…)
    // are month/day, so it is 1 October, the text kept to check the reading.
    let mk0164 = commitment(d, "MK0164");
    assert_eq!(mk0164["startDate"], "2021-10-01");
    assert_eq!(mk0164["startDateSource"], "10/1/2021");
    assert_eq!(mk0164["endDate"], "2023-08-30");
    assert_eq!(mk0164["endDateSource"], "");
    assert!(warnings_of("MK0164").iter().all(|w| !w.column.contains("Date")));
    let rule = import.date_rules["AP_MKD05"];
    assert_eq!(rule.convention, Some(Convention::MonthDay));
    assert!(rule.month_day >= 1 && rule.day_month == 0 && rule.resolved >= 1, "{rule:?}");

    // 1/12/2014 is 1 December or 12 January, and no other date of its plan tells: not guessed.
    let ee0025 = commitment(d, "EE0025");
    assert_eq!(ee0025["startDate"], Value::Null);
    assert_eq!(ee0025["startDateSource"], "1/12/2014");
    assert_eq!(import.date_rules["AP_EST02"].convention, None);
    let warnings = warnings_of("EE0025");
    let start = warnings.iter().find(|w| w.column == "Start Date").expect("a warning on the start date");
    assert_eq!(start.row, 18);
    assert_eq!(start.kind, WarningKind::Date);
    assert!(start.message_fr.contains("1/12/2014") && start.message_fr.contains("ambiguë"));
    assert!(start.message_en.contains("1 December 2014") && start.message_en.contains("12 January 2014"));
    // A month and a year is a month: kept as written, never made the 1st, no warning.
    assert_eq!(ee0025["endDate"], Value::Null);
    assert_eq!(ee0025["endDateSource"], "December 2015");
    assert!(warnings.iter().all(|w| w.column != "End Date"));

    // Text is not a date.
    let texts: Vec<_> = import.warnings.iter().filter(|w| w.message_en.contains("\"In progress\"")).collect();
    assert!(!texts.is_empty());
    for w in texts {
        let c = commitment(d, &w.identifier);
        let (date, source) =
            if w.column == "Start Date" { ("startDate", "startDateSource") } else { ("endDate", "endDateSource") };
        assert_eq!(c[date], Value::Null);
        assert_eq!(c[source], "In progress");
    }

    // A year typed into a date cell (7/15/1905) is not taken as a date.
    let artefacts: Vec<_> = import.warnings.iter().filter(|w| w.message_en.contains("1905")).collect();
    assert!(!artefacts.is_empty());
    for w in artefacts {
        let c = commitment(d, &w.identifier);
        let date = if w.column == "Start Date" { "startDate" } else { "endDate" };
        assert_eq!(c[date], Value::Null, "{w:?}");
    }

    // Every date written is ISO.
    for (_, c) in d.of_kind(RecordKind::Commitment) {
        for field in ["startDate", "endDate"] {
            match &c[field] {
                Value::Null => {}
                Value::String(s) => assert!(chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok(), "{s}"),
                other => panic!("{field} = {other:?}"),
            }
        }
    }
}

#[test]
fn a_start_after_the_end_drops_the_end_and_keeps_both_texts() {
    let bytes = file_with(&[], &[row("TS0001", &[("Start Date", "31/12/2021"), ("End Date", "2021-01-31")])]);
    let import = read_ogp_csv(&bytes).expect("imported");
    let c = commitment(&import.dataset, "TS0001");
    assert_eq!(c["startDate"], "2021-12-31");
    assert_eq!(c["endDate"], Value::Null);
    assert_eq!(c["startDateSource"], "31/12/2021");
    assert_eq!(c["endDateSource"], "2021-01-31");
    assert_eq!(import.warnings.len(), 1);
    assert_eq!((import.warnings[0].row, import.warnings[0].column.as_str()), (2, "End Date"));
}

#[test]
fn float_commitment_numbers_are_written_back() {
    let import = import_sample();
    let d = &import.dataset;
    assert_eq!(commitment(d, "MK0164")["number"], "4.4");
    assert_eq!(commitment(d, "UA0035")["number"], "5.1");
    assert_eq!(commitment(d, "FR0015")["number"], "12");
    for (_, c) in d.of_kind(RecordKind::Commitment) {
        let number = c["number"].as_str().expect("text");
        assert!(number.len() < 10, "{number}");
    }
}

#[test]
fn not_assessed_not_relevant_and_not_applicable_stay_distinct() {
    let import = import_sample();
    let d = &import.dataset;
    let al0063 = assessment(commitment(d, "AL0063"));
    let ar0096 = assessment(commitment(d, "AR0096"));
    let ee0050 = assessment(commitment(d, "EE0050"));
    assert_eq!(al0063.specificity, Assessed::NotAssessed);
    assert_eq!(ar0096.specificity, Assessed::NotRelevant);
    assert_eq!(ee0050.completion_progress_report, Assessed::NotApplicable);
    assert_eq!(ee0050.specificity, Assessed::NotAssessed);
    assert_eq!(ar0096.verifiable, Assessed::NotRelevant);
    let json = |a: &Assessed<Specificity>| serde_json::to_value(a).expect("json");
    let statuses: BTreeSet<String> = [al0063.specificity, ar0096.specificity, Assessed::NotApplicable]
        .iter()
        .map(|a| json(a)["status"].as_str().expect("status").to_string())
        .collect();
    assert_eq!(statuses.len(), 3);
    // In the stored JSON too.
    assert_eq!(commitment(d, "AR0096")["assessment"]["specificity"]["status"], "notRelevant");
    assert_eq!(commitment(d, "AL0063")["assessment"]["specificity"]["status"], "notAssessed");
    assert_eq!(commitment(d, "EE0050")["assessment"]["completionProgressReport"]["status"], "notApplicable");
}

#[test]
fn a_row_with_no_irm_cell_has_no_assessment_rather_than_sixteen_missing_values() {
    let bytes = file_with(&[], &[row("TS0001", &[]), row("TS0002", &[("Verifiable", "Yes")])]);
    let import = read_ogp_csv(&bytes).expect("imported");
    assert_eq!(commitment(&import.dataset, "TS0001")["assessment"], Value::Null);
    assert_eq!(assessment(commitment(&import.dataset, "TS0002")).verifiable, Assessed::Assessed(true));
}

#[test]
fn a_value_not_understood_is_warned_left_missing_and_kept() {
    let bytes = file_with(&[], &[row("TS0001", &[("Specificity", "Very high"), ("Verifiable", "Yes")])]);
    let import = read_ogp_csv(&bytes).expect("imported");
    let c = commitment(&import.dataset, "TS0001");
    let a = assessment(c);
    assert_eq!(a.specificity, Assessed::Missing);
    assert_eq!(a.verifiable, Assessed::Assessed(true));
    assert_eq!(c["sourceColumns"]["Specificity"], "Very high");
    assert!(!c["sourceColumns"].as_object().expect("object").contains_key("Verifiable"));
    let w = &import.warnings[0];
    assert_eq!((w.row, w.identifier.as_str(), w.column.as_str()), (2, "TS0001", "Specificity"));
}

#[test]
fn extra_columns_are_kept_and_rows_from_elsewhere_in_the_export_work() {
    let bytes = file_with(
        &["Something New"],
        &[
            row("ZZ0001", &[("Something New", "kept"), ("Commitment Number", "2"), ("Theme", "NA")]),
            row("ZZ0002", &[("Commitment Number", "1.10"), ("Theme", "")]),
            row("ZZ0003", &[("Commitment Number", "1"), ("Theme", "Justice")]),
            row("ZZ0004", &[("Commitment Number", "1.2"), ("Theme", "NA")]),
        ],
    );
    let import = read_ogp_csv(&bytes).expect("imported");
    let d = &import.dataset;
    assert_eq!(commitment(d, "ZZ0001")["sourceColumns"]["Something New"], "kept");
    // NA and empty themes are one area, "Sans thème", first in its plan.
    let no_theme = deterministic_id("area:AP_TST01:Sans thème");
    let justice = deterministic_id("area:AP_TST01:Justice");
    assert_eq!(d.count(RecordKind::Area), 2);
    assert_eq!(d.get(RecordKind::Area, no_theme).expect("area")["title"], "Sans thème");
    assert_eq!(d.get(RecordKind::Area, no_theme).expect("area")["position"], 0);
    assert_eq!(d.get(RecordKind::Area, justice).expect("area")["position"], 1);
    assert_eq!(id_of(&commitment(d, "ZZ0002")["areaId"]), no_theme);
    // Within an area, by number, part by part: 1.2, 1.10, 2.
    assert_eq!(commitment(d, "ZZ0004")["position"], 0);
    assert_eq!(commitment(d, "ZZ0002")["position"], 1);
    assert_eq!(commitment(d, "ZZ0001")["position"], 2);
    assert_eq!(commitment(d, "ZZ0003")["position"], 0);
}

#[test]
fn institutions_are_split_only_where_the_text_clearly_lists_several() {
    let import = import_sample();
    let d = &import.dataset;
    let names = |id: &str| -> Vec<String> {
        let c = commitment(d, id);
        let mut out: Vec<String> =
            c["leadInstitutionId"].as_str().map(|_| institution_name(d, &c["leadInstitutionId"])).into_iter().collect();
        out.extend(c["supportingInstitutionIds"].as_array().expect("array").iter().map(|s| institution_name(d, s)));
        out
    };
    // Two departments separated by a comma.
    assert_eq!(names("US0036"), ["Department of Treasury", "Department of Justice"]);
    // A comma inside one name.
    assert_eq!(names("KR0060"), ["Digital Inclusion Policy Team, Ministry of Science and ICT"]);
    // A ministry's portfolio stays whole.
    assert!(names("MN0054").contains(&"Ministry of Food, Agriculture and Light Industry".to_string()));
    // Bullets and line breaks.
    assert_eq!(
        names("PNG0007")[..3],
        ["Department of Treasury", "Department of National Planning & Monitoring", "Department of Finance"]
    );
    // A line wrapped in the middle of a name.
    assert_eq!(names("PY0068"), ["Comisión Especial de Parlamento Abierto"]);
    // A sentence is not an institution: kept as written in otherSupporters, with a warning.
    let gr = commitment(d, "GR0084");
    assert_eq!(names("GR0084"), ["Hellenic Parliament"]);
    assert!(text(gr, "otherSupporters").starts_with("Comments submitted by users"));
    assert!(import.warnings.iter().any(|w| w.identifier == "GR0084" && w.column == "Supporting Institution(s)"));
    // A list of capitalised names.
    let mn = names("MN0060");
    assert_eq!(mn.len(), 9, "{mn:?}");
    assert_eq!(mn[1..4], ["Mongolian National News Agency", "The Asia Foundation", "Media Council of Mongolia NGO"]);
    // Over 200 characters and not a list of names: prose.
    let ng = commitment(d, "NG0040");
    assert!(text(ng, "otherSupporters").starts_with("Oxfam, Water Aid, Nextier"));
    assert_eq!(names("NG0040"), ["SERVICOM"]);
    // Kinds.
    let kind = |name: &str| {
        d.records
            .iter()
            .find(|(k, f)| k.kind == RecordKind::Institution && text(f, "name").eq_ignore_ascii_case(name))
            .map(|(_, f)| f["kind"].as_str().expect("kind").to_string())
    };
    assert_eq!(kind("Hellenic Parliament").as_deref(), Some("parliament"));
    assert_eq!(kind("Congreso Nacional de Chile").as_deref(), Some("parliament"));
    assert_eq!(kind("Ministerio de la Presidencia").as_deref(), Some("ministry"));
    assert_eq!(kind("Public Procurement Agency").as_deref(), Some("other"));
    // The same institution written in capitals elsewhere keeps the mixed-case spelling.
    assert_eq!(kind("Ministry of Administration").as_deref(), Some("ministry"));
    assert_eq!(
        d.records
            .iter()
            .find(|(k, f)| k.kind == RecordKind::Institution
                && text(f, "name").eq_ignore_ascii_case("ministry of administration"))
            .expect("exists")
            .1["name"],
        "Ministry of Administration"
    );
    // The raw cells stay available.
    assert_eq!(
        commitment(d, "US0036")["sourceColumns"]["Lead Institution"],
        "Department of Treasury, Department of Justice"
    );
}

#[test]
fn template_fields_are_exact_slices_of_the_full_text() {
    let import = import_sample();
    let d = &import.dataset;
    let template = [
        "briefDescription",
        "problem",
        "causes",
        "doneSoFar",
        "solution",
        "expectedResults",
        "transparency",
        "accountability",
        "participation",
    ];
    let mut filled = HashMap::new();
    for (_, c) in d.of_kind(RecordKind::Commitment) {
        let full = c["fullText"].as_str().expect("text");
        for field in template {
            let value = c[field].as_str().expect("text");
            if !value.is_empty() {
                assert!(full.contains(value), "{field} of {} is not in its Full Text", c["ogpId"]);
                assert_eq!(value, value.trim());
                *filled.entry(field).or_insert(0) += 1;
            }
        }
    }
    for field in template {
        assert!(filled.get(field).is_some_and(|n| *n >= 20), "{field} filled {:?} times", filled.get(field));
    }

    // The 2019 template, exactly.
    let al = commitment(d, "AL0097");
    assert!(text(al, "briefDescription").starts_with("• Implementation of the E-legislation (part of PACEP project)"));
    assert!(text(al, "briefDescription").ends_with("use of Online Inter-Institutional Platform."));
    assert!(text(al, "problem").starts_with("• Improvement of the Interoperability"));
    assert!(text(al, "causes").starts_with("• Some of the causes of the problems"));
    assert!(text(al, "doneSoFar").starts_with("Many practical changes have been made"));
    assert!(text(al, "solution").starts_with("• Interoperability: The harmonization"));
    assert!(text(al, "expectedResults").starts_with("The project E-legislation results:"));
    assert!(!text(al, "expectedResults").contains("Milestones"), "the milestone table is not in the results");

    // The 2016 template, questions followed by their answer on the same line.
    let al72 = commitment(d, "AL0072");
    assert!(text(al72, "problem").starts_with("Transparency, public participation, and legislative oversight"));
    assert!(text(al72, "solution").starts_with("Budget transparency consists of publishing"));
    assert!(text(al72, "expectedResults").starts_with("To establish increased budget transparency"));

    // A text without the template's headings fills nothing.
    let fr = commitment(d, "FR0001");
    for field in template {
        assert_eq!(fr[field], "", "{field}");
    }
}

#[test]
fn the_same_bytes_give_the_same_dataset() {
    let bytes = sample();
    let first = read_ogp_csv(&bytes).expect("imported");
    let second = read_ogp_csv(&bytes).expect("imported");
    assert_eq!(first.dataset, second.dataset);
    assert_eq!(first.warnings, second.warnings);
    // The ids are those of the source identifiers.
    let ids: BTreeSet<Uuid> = first.dataset.of_kind(RecordKind::Commitment).map(|(id, _)| id).collect();
    assert!(ids.contains(&deterministic_id("commitment:FR0001")));
}

#[test]
fn progress_is_reported_up_to_the_total() {
    let mut calls = Vec::new();
    let import = read_ogp_csv_with_progress(&sample(), &mut |done, total| calls.push((done, total))).expect("imported");
    assert_eq!(calls.last(), Some(&(405, 405)));
    assert!(calls.windows(2).all(|w| w[0].0 <= w[1].0));
    assert!(calls.iter().any(|(_, total)| *total == 405));
    assert_eq!(import.rows, 405);
}

// ---------------------------------------------------------------------------------------------
// Refusals.

#[test]
fn missing_required_columns_are_named() {
    let refusal = refuse(b"Commitment Unique Identifier,Country/Locality,Theme\r\nFR0001,France,NA\r\n");
    assert_eq!(refusal.problems.len(), 1);
    assert_eq!(refusal.problems[0].row, Some(1));
    let en = refusal.message(Locale::En);
    for column in [
        "Action Plan ID",
        "Action Plan Number",
        "Year Of Submission",
        "Action Plan End Year",
        "Commitment Title",
        "Full Text",
    ] {
        assert!(en.contains(column), "{column} not named in {en}");
    }
    assert!(!en.contains("\"Country/Locality\""));
    let fr = refusal.message(Locale::Fr);
    assert!(fr.contains("Ligne 1") && fr.contains("« Full Text »"), "{fr}");
    assert_eq!(refusal.to_string(), fr);
}

#[test]
fn an_unclosed_quote_is_refused_with_the_row_where_it_opens() {
    let bytes = sample();
    let text = std::str::from_utf8(&bytes).expect("UTF-8");
    // The header and the first three rows, then a row whose quoted title never closes.
    let mut records = text.split("\r\n");
    let first: Vec<&str> = records.by_ref().take(4).collect();
    let mut broken = first.join("\r\n");
    broken.push_str("\r\nXX0001,\"Testland,1,1\r\nXX0002,Testland,1,1\r\n");
    let refusal = refuse(broken.as_bytes());
    assert_eq!(refusal.problems.len(), 1, "{}", refusal.message(Locale::En));
    assert_eq!(refusal.problems[0].row, Some(5));
    let en = refusal.message(Locale::En);
    assert!(en.contains("Row 5") && en.contains("never closed"), "{en}");
}

#[test]
fn a_row_with_another_number_of_values_is_refused() {
    let mut bytes = file_with(&[], &[row("TS0001", &[]), row("TS0002", &[])]);
    bytes.extend_from_slice(b"TS0003,Testland,1\r\n");
    let refusal = refuse(&bytes);
    assert_eq!(refusal.problems.len(), 1);
    assert_eq!(refusal.problems[0].row, Some(4));
    assert!(refusal.message(Locale::En).contains("3 values but the header has 171 columns"));
}

#[test]
fn a_file_that_is_not_utf8_is_refused_with_the_byte_and_row() {
    let bytes = sample();
    // An "é" in Latin-1 in FR0001's row (row 185).
    let at = bytes.windows(6).position(|w| w == b"FR0001").expect("FR0001 in the sample");
    let mut latin1 = bytes[..at + 6].to_vec();
    latin1.push(0xE9);
    latin1.extend_from_slice(&bytes[at + 6..]);
    let refusal = refuse(&latin1);
    assert_eq!(refusal.problems.len(), 1);
    assert_eq!(refusal.problems[0].row, Some(185));
    let en = refusal.message(Locale::En);
    assert!(en.contains("not UTF-8") && en.contains(&format!("byte {}", at + 7)) && en.contains("0xE9"), "{en}");
}

#[test]
fn empty_files_are_refused() {
    for bytes in [&b""[..], b"   \r\n\r\n", b"\xEF\xBB\xBF"] {
        let refusal = refuse(bytes);
        assert_eq!(refusal.problems.len(), 1);
        assert!(refusal.message(Locale::En).contains("empty"), "{}", refusal.message(Locale::En));
    }
    // A header and no row.
    let header_only = file_with(&[], &[]);
    assert!(refuse(&header_only).message(Locale::En).contains("no commitment"));
}

#[test]
fn binary_files_are_refused() {
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00";
    let refusal = refuse(png);
    assert!(refusal.message(Locale::En).contains("PNG image"), "{}", refusal.message(Locale::En));
    let mut with_nul = b"Commitment Unique Identifier,Full Text\r\nA,".to_vec();
    with_nul.extend_from_slice(&[0, 1, 2, 3]);
    let refusal = refuse(&with_nul);
    assert!(
        refusal.message(Locale::En).contains("NUL bytes (the first at byte 43)"),
        "{}",
        refusal.message(Locale::En)
    );
    assert!(refuse(b"PK\x03\x04\x14\x00").message(Locale::Fr).contains(".xlsx"));
}

/// 50 MB of deterministic printable garbage, with commas, quotes and line breaks.
fn garbage(len: usize) -> Vec<u8> {
    let alphabet = b"abcdefghij KLMNOP,,,\"\r\n0123456789;:.-";
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            alphabet[(state % alphabet.len() as u64) as usize]
        })
        .collect()
}

#[test]
fn fifty_megabytes_of_garbage_are_refused_quickly_with_a_bounded_list() {
    let bytes = garbage(50 * 1024 * 1024);
    let started = Instant::now();
    let refusal = refuse(&bytes);
    assert!(refusal.problems.len() <= MAX_PROBLEMS + 1);
    assert!(started.elapsed() < Duration::from_secs(20), "took {:?}", started.elapsed());

    // The right header, then garbage: read once, refused with at most 50 problems and a count.
    let mut with_header = file_with(&[], &[]);
    with_header.extend_from_slice(&bytes);
    let started = Instant::now();
    let refusal = refuse(&with_header);
    assert!(started.elapsed() < Duration::from_secs(30), "took {:?}", started.elapsed());
    assert_eq!(refusal.problems.len(), MAX_PROBLEMS + 1, "{}", refusal.message(Locale::En));
    let last = refusal.problems.last().expect("a count of the others");
    assert_eq!(last.row, None);
    assert!(last.message_en.contains("more problem"), "{}", last.message_en);
    assert!(refusal.problems[..MAX_PROBLEMS].iter().all(|p| p.row.is_some()));
}

#[test]
fn a_duplicate_identifier_is_refused_naming_both_rows() {
    let bytes = sample();
    let text = std::str::from_utf8(&bytes).expect("UTF-8");
    // Records are separated by CRLF (line breaks inside fields are LF); FR0026 follows FR0015.
    let fr0015 = text.find("\r\nFR0015,").expect("FR0015 in the sample") + 2;
    let end = text[fr0015..].find("\r\nFR0026,").map_or(text.len(), |o| fr0015 + o);
    let mut doubled = text.to_string();
    if !doubled.ends_with("\r\n") {
        doubled.push_str("\r\n");
    }
    doubled.push_str(&text[fr0015..end]);
    doubled.push_str("\r\n");
    let refusal = refuse(doubled.as_bytes());
    assert_eq!(refusal.problems.len(), 1, "{}", refusal.message(Locale::En));
    assert_eq!(refusal.problems[0].row, Some(407));
    let en = refusal.message(Locale::En);
    assert!(en.contains("Row 407") && en.contains("\"FR0015\"") && en.contains("row 186"), "{en}");
}

#[test]
fn rows_without_title_or_identifier_or_with_a_disagreeing_plan_are_all_listed() {
    let bytes = file_with(
        &[],
        &[
            row("TS0001", &[]),
            row("", &[]),
            row("TS0003", &[("Commitment Title", ""), ("Short Title", "")]),
            row("TS0004", &[("Action Plan End Year", "2023")]),
            row("TS0005", &[("Action Plan Number", "one")]),
            row("TS0006", &[("Commitment Title", ""), ("Short Title", "Short")]),
        ],
    );
    let refusal = refuse(&bytes);
    let rows: Vec<Option<usize>> = refusal.problems.iter().map(|p| p.row).collect();
    assert_eq!(rows, [Some(3), Some(4), Some(5), Some(6)], "{}", refusal.message(Locale::En));
    let en = refusal.message(Locale::En);
    assert!(en.contains("\"Action Plan End Year\" = \"2023\" (\"2022\" on row 2)"), "{en}");
    assert!(en.contains("\"Action Plan Number\" is \"one\""), "{en}");
    assert!(refusal.message(Locale::Fr).contains("Ligne 4 : ni « Commitment Title » ni « Short Title »"));
}

#[test]
fn the_short_title_stands_in_for_an_empty_title() {
    let bytes = file_with(&[], &[row("TS0001", &[("Commitment Title", " "), ("Short Title", "Short")])]);
    let import = read_ogp_csv(&bytes).expect("imported");
    assert_eq!(commitment(&import.dataset, "TS0001")["title"], "Short");
}

#[test]
fn free_text_that_describes_who_takes_part_is_not_an_institution_and_countries_keep_their_own() {
    let import = import_sample();
    let d = &import.dataset;
    let names: Vec<(String, String)> = d
        .records
        .iter()
        .filter(|(k, _)| k.kind == RecordKind::Institution)
        .map(|(_, f)| (text(f, "name").to_string(), text(f, "country").to_string()))
        .collect();
    for description in [
        "CSOs",
        "Civil Society Organisations",
        "Other ministries",
        "All government departments",
        "Citizens",
        "Government",
        "Other NGOs and organizations that will join the commitment",
        "civil society institutions and international organizations (by agreement)",
        "CSOs: Compact Voice",
    ] {
        assert!(names.iter().all(|(n, _)| n != description), "{description} is not an institution");
    }
    // Names kept: an acronym in parentheses, a name after an article, a label that is a name.
    for name in [
        "(WFD)",
        "the Ministry of Culture",
        "OGP Multi Stakeholders Group",
        "Ministry of Finance: Fiscal Policy and Planning Dept",
    ] {
        assert!(names.iter().any(|(n, _)| n == name), "{name} is an institution");
    }
    // The description stays text, in "Other supporters", with a warning of its kind.
    let ua = commitment(d, "UA0035");
    assert!(text(ua, "otherSupporters").contains("unspecified NGOs and international organisations"));
    assert!(import
        .warnings
        .iter()
        .any(|w| w.identifier == "UA0035" && w.kind == WarningKind::Institution && w.plan == "AP_UKR02"));
    // Every institution has its plans' country, and one name in two countries is two records.
    assert!(names.iter().all(|(_, country)| !country.is_empty()));
    let by_name = |name: &str| names.iter().filter(|(n, _)| n == name).map(|(_, c)| c.clone()).collect::<BTreeSet<_>>();
    let ministries_of_finance = by_name("Ministry of Finance");
    assert!(ministries_of_finance.len() >= 2, "{ministries_of_finance:?}");
}
