//! A national plan on a real server: the server's database with one coordinator, the plan filled
//! through the sync rules (`hub::push`, as coordinators' laptops would have), and the server's
//! real routes on a loopback port.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use chrono::{Days, NaiveDate};
use plan_ouvert_client::Server;
use plan_ouvert_server::{api, database, directory, ledger::SqliteLedger, routes};
use plan_ouvert_store::Store;
use plan_ouvert_sync::access::{Actor, Role};
use plan_ouvert_sync::hub;
use plan_ouvert_sync::protocol::*;
use serde_json::json;
use uuid::Uuid;

use super::{sentence, Rng, WORDS};

/// The plan's period: reports are dated within it, milestones fall due within it.
pub const PERIOD: (&str, &str) = ("2025-01-01", "2027-12-31");

/// The day the benchmarks take as today: reports are dated up to it, and the dashboard counts
/// late and due-soon milestones on it (fixed, so every run reads the same plan).
pub const TODAY: &str = "2026-09-30";

/// Who signs the generated reports: the coordinator, on behalf of the lead ministries.
pub const COORDINATOR: &str = "Camille";

/// The ministries that lead the commitments, in turn.
const MINISTRIES: &[(&str, &str)] = &[
    ("Ministère de la Transformation et de la Fonction publiques", "MTFP"),
    ("Ministère de la Transition écologique", "MTE"),
    ("Ministère de l'Économie et des Finances", "MEF"),
    ("Ministère de la Justice", "MJ"),
    ("Ministère de l'Intérieur", "MI"),
    ("Ministère de la Culture", "MC"),
    ("Ministère de l'Éducation nationale", "MEN"),
    ("Ministère de la Santé", "MS"),
    ("Ministère du Travail", "MT"),
    ("Ministère de l'Agriculture", "MA"),
    ("Ministère des Armées", "MINARM"),
    ("Ministère de l'Europe et des Affaires étrangères", "MEAE"),
    ("Haute Autorité pour la transparence de la vie publique", "HATVP"),
    ("Cour des comptes", "CC"),
    ("Agence nationale de la cohésion des territoires", "ANCT"),
];

/// How large a plan to generate.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    pub commitments: usize,
    pub milestones_each: usize,
    /// Progress reports, spread over the commitments' and milestones' timelines.
    pub reports: usize,
}

/// What was generated on the server.
#[derive(Debug)]
pub struct Generated {
    /// Records created (mutations pushed).
    pub records: usize,
    pub commitments: Vec<Uuid>,
    /// Reports that correct an earlier entry of their timeline.
    pub corrections: usize,
}

/// About `chars` characters of French-looking prose in paragraphs.
pub fn prose(rng: &mut Rng, chars: usize) -> String {
    let mut out = String::with_capacity(chars + 16);
    let mut sentences = 0;
    while out.len() < chars {
        if sentences > 0 && sentences % 4 == 0 {
            out.push_str("\n\n");
        } else if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&sentence(rng));
        sentences += 1;
    }
    out
}

pub fn fields(pairs: Vec<(&str, Value)>) -> BTreeMap<String, Value> {
    pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

/// A day drawn between `from` and `to`, both included.
fn day_between(rng: &mut Rng, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    let span = (to - from).num_days().max(0) as u64;
    from + Days::new(rng.below(span + 1))
}

/// A weight other than 1 for about one record in `one_in`, else 1.
fn weight(rng: &mut Rng, one_in: u64, max: u64) -> u64 {
    if rng.below(one_in) == 0 {
        2 + rng.below(max - 1)
    } else {
        1
    }
}

/// A report's status at `progress` (0 at the plan's start, 1 at today): later reports say more
/// is done, with some spread and a few withdrawals.
fn status_at(rng: &mut Rng, progress: f64) -> &'static str {
    if rng.below(50) == 0 {
        return "withdrawn";
    }
    let level = progress * 3.0 + (rng.below(100) as f64 / 100.0 - 0.5) * 1.5;
    match level {
        l if l < 0.5 => "notStarted",
        l if l < 1.5 => "limited",
        l if l < 2.5 => "substantial",
        _ => "complete",
    }
}

/// The server's database with one coordinator (`COORDINATOR`, of the DITP) and their token.
pub fn office(db: &std::path::Path) -> (rusqlite::Connection, Actor, String) {
    let conn = database::open(db).expect("server database");
    let institution = directory::add_institution(
        &conn,
        "Direction interministérielle de la transformation publique",
        "DITP",
        "ministry",
    )
    .expect("institution");
    let person = directory::add_person(&conn, COORDINATOR, "DITP", Role::Coordinator).expect("person");
    let token = directory::issue_token(&conn, COORDINATOR).expect("token");
    (conn, Actor { institution, role: Role::Coordinator, person }, token)
}

/// The server's real routes over `conn`, on a loopback port; returns its address.
pub async fn serve(conn: rusqlite::Connection) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(async move {
        let _ = axum::serve(listener, routes::app(Arc::new(api::ServerState::new(conn)))).await;
    });
    address
}

/// Keeps on the laptop the account the token belongs to, as the app does on connecting: the
/// reports it writes are signed with it.
pub async fn sign_in(server: &Server, store: &Mutex<Store>) {
    let person = server.me().await.expect("me");
    store
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .save_connection(&plan_ouvert_store::SavedConnection {
            server_url: server.address().to_string(),
            person,
            token_storage: plan_ouvert_domain::TokenStorage::File,
        })
        .expect("connection saved");
}

/// Fills the server's database through the sync rules, as coordinators' laptops would have: the
/// ministries, one plan, 10 engagement areas, the commitments (every template section filled,
/// 200 to 1,200 characters each), their milestones (due over the plan's period, some weighing
/// more than others), and progress reports signed by the coordinator on behalf of the lead
/// ministries (dated from the plan's start to [`TODAY`], saying more is done as time goes on,
/// one in twenty correcting the entry before it).
pub fn generate(conn: &mut rusqlite::Connection, actor: &Actor, shape: Shape) -> Generated {
    let client = ClientId(Uuid::now_v7());
    let mut rng = Rng(0x5eed_cafe);
    // Dates and weights come from their own stream: the texts stay those of earlier runs.
    let mut spread = Rng(0xda7e_5eed);
    let mut mutations = Vec::new();
    let push = |record: RecordKey, fields: BTreeMap<String, Value>, mutations: &mut Vec<Mutation>| {
        let seq = mutations.len() as u64 + 1;
        mutations.push(Mutation { id: MutationId { client, seq }, record, change: Change::Create { fields } });
    };
    let ministries: Vec<Uuid> = MINISTRIES.iter().map(|_| Uuid::now_v7()).collect();
    for (id, (name, acronym)) in ministries.iter().zip(MINISTRIES) {
        push(
            RecordKey { kind: RecordKind::Institution, id: *id },
            fields(vec![("name", json!(name)), ("acronym", json!(acronym)), ("kind", json!("ministry"))]),
            &mut mutations,
        );
    }
    let plan = Uuid::now_v7();
    push(
        RecordKey { kind: RecordKind::Plan, id: plan },
        fields(vec![
            ("country", json!("France")),
            ("title", json!("France — Plan d'action national 2025-2027")),
            ("periodStart", json!(PERIOD.0)),
            ("periodEnd", json!(PERIOD.1)),
        ]),
        &mut mutations,
    );
    let areas: Vec<Uuid> = (0..10).map(|_| Uuid::now_v7()).collect();
    for (i, area) in areas.iter().enumerate() {
        let description = prose(&mut rng, 400);
        push(
            RecordKey { kind: RecordKind::Area, id: *area },
            fields(vec![
                ("planId", json!(plan.to_string())),
                ("kind", json!("thematic")),
                ("title", json!(format!("Axe {} — {}", i + 1, WORDS[i]))),
                ("description", json!(description)),
                ("position", json!(i)),
            ]),
            &mut mutations,
        );
    }
    let (start, end, today) = (day(PERIOD.0), day(PERIOD.1), day(TODAY));
    let mut commitments = Vec::with_capacity(shape.commitments);
    // Each commitment's lead ministry and milestones, for its reports.
    let mut carried: HashMap<Uuid, (Uuid, Vec<Uuid>)> = HashMap::new();
    for c in 0..shape.commitments {
        let id = Uuid::now_v7();
        let area = areas[c % areas.len()];
        let lead = ministries[c % ministries.len()];
        let mut f = fields(vec![
            ("planId", json!(plan.to_string())),
            ("areaId", json!(area.to_string())),
            ("position", json!(c / areas.len())),
            ("title", json!(format!("Engagement {} : {}", c + 1, prose(&mut rng, 60).trim_end_matches('.')))),
            ("leadInstitutionId", json!(lead.to_string())),
            ("supportingInstitutionIds", json!([])),
            ("startDate", json!("2025-03-01")),
            ("endDate", json!("2027-06-30")),
            ("accessToInformation", json!(rng.below(2) == 0)),
            ("civicParticipation", json!(rng.below(2) == 0)),
            ("publicAccountability", json!(rng.below(2) == 0)),
            ("technologyInnovation", json!(rng.below(2) == 0)),
            ("contactName", json!("Camille Martin")),
            ("contactTitle", json!("Cheffe de projet")),
            ("contactDepartment", json!("Direction interministérielle du numérique")),
            ("contactEmail", json!("camille.martin@numerique.gouv.fr")),
            ("contactPhone", json!("01 40 00 00 00")),
            ("otherSupporters", json!(prose(&mut rng, 150))),
            ("weight", json!(weight(&mut spread, 8, 4))),
        ]);
        // Template sections as long as in published action plans.
        for (field, chars) in [
            ("briefDescription", 400),
            ("problem", 900),
            ("causes", 600),
            ("doneSoFar", 600),
            ("solution", 1200),
            ("expectedResults", 600),
            ("transparency", 300),
            ("accountability", 300),
            ("participation", 300),
        ] {
            f.insert(field.to_string(), json!(prose(&mut rng, chars)));
        }
        push(RecordKey { kind: RecordKind::Commitment, id }, f, &mut mutations);
        let mut milestones = Vec::with_capacity(shape.milestones_each);
        for m in 0..shape.milestones_each {
            let expected = prose(&mut rng, 250);
            let due = day_between(&mut spread, start + Days::new(90), end);
            let milestone = Uuid::now_v7();
            push(
                RecordKey { kind: RecordKind::Milestone, id: milestone },
                fields(vec![
                    ("commitmentId", json!(id.to_string())),
                    ("position", json!(m)),
                    ("title", json!(format!("Jalon {} : {}", m + 1, prose(&mut rng, 50).trim_end_matches('.')))),
                    ("expectedOutputs", json!(expected)),
                    ("startDate", json!(PERIOD.0)),
                    ("dueDate", json!(due.to_string())),
                    ("leadInstitutionId", json!(lead.to_string())),
                    ("weight", json!(weight(&mut spread, 4, 5))),
                ]),
                &mut mutations,
            );
            milestones.push(milestone);
        }
        carried.insert(id, (lead, milestones));
        commitments.push(id);
    }

    // Reports: a timeline each (four in five a milestone's, else the commitment's own) and a
    // date, written in date order, as they would have been.
    let mut entries: Vec<(NaiveDate, Uuid, Option<Uuid>)> = (0..shape.reports)
        .filter(|_| !commitments.is_empty())
        .map(|_| {
            let commitment = commitments[spread.below(commitments.len() as u64) as usize];
            let milestones = &carried[&commitment].1;
            let milestone = match spread.below(5) {
                0 => None,
                _ if milestones.is_empty() => None,
                _ => Some(milestones[spread.below(milestones.len() as u64) as usize]),
            };
            (day_between(&mut spread, start + Days::new(14), today), commitment, milestone)
        })
        .collect();
    entries.sort_by_key(|(date, _, _)| *date);
    let mut latest: HashMap<(Uuid, Option<Uuid>), (Uuid, NaiveDate)> = HashMap::new();
    let mut corrections = 0;
    let days = (today - start).num_days() as f64;
    for (date, commitment, milestone) in entries {
        let id = Uuid::now_v7();
        let previous = latest.get(&(commitment, milestone)).copied();
        // One in twenty corrects the entry before it (same date, better said).
        let (corrects, date) = match previous {
            Some((earlier, on)) if spread.below(20) == 0 => (Some(earlier), on),
            _ => (None, date),
        };
        corrections += usize::from(corrects.is_some());
        let status = status_at(&mut spread, (date - start).num_days() as f64 / days);
        let difficulties = if spread.below(3) == 0 { prose(&mut rng, 150) } else { String::new() };
        push(
            RecordKey { kind: RecordKind::Report, id },
            fields(vec![
                ("commitmentId", json!(commitment.to_string())),
                ("milestoneId", json!(milestone.map(|m| m.to_string()))),
                ("reportedOn", json!(date.to_string())),
                ("status", json!(status)),
                ("done", json!(prose(&mut rng, 100 + spread.below(200) as usize))),
                ("difficulties", json!(difficulties)),
                ("nextSteps", json!(prose(&mut rng, 120))),
                ("results", json!("")),
                ("openedGovernment", Value::Null),
                ("links", json!([])),
                ("files", json!([])),
                ("corrects", json!(corrects.map(|c| c.to_string()))),
                ("authorId", json!(actor.person.to_string())),
                ("authorName", json!(COORDINATOR)),
                ("institutionId", json!(carried[&commitment].0.to_string())),
                ("onBehalf", json!(true)),
            ]),
            &mut mutations,
        );
        latest.insert((commitment, milestone), (id, date));
    }

    let records = mutations.len();
    conn.execute_batch("PRAGMA synchronous = OFF").expect("pragma");
    for chunk in mutations.chunks(2_000) {
        let request = PushRequest {
            protocol: PROTOCOL_VERSION,
            client,
            mutations: chunk.to_vec(),
            acknowledged: 0,
            relay: false,
        };
        let mut ledger = SqliteLedger::new(conn);
        let response = hub::push(&mut ledger, actor, &request).expect("generated push");
        assert_eq!(response.results.len(), chunk.len());
        for result in &response.results {
            assert!(matches!(result.outcome, Outcome::Applied { .. }), "generated record refused: {result:?}");
        }
    }
    conn.execute_batch("PRAGMA synchronous = FULL").expect("pragma");
    Generated { records, commitments, corrections }
}
