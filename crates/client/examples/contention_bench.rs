//! Contention benchmark: how long the server takes to answer one person while another sends the
//! largest push it accepts.
//!
//! The real server routes run in this process on a loopback port, with a SQLite database in a
//! temporary folder. A coordinator creates the plan's structure through the sync API; then a
//! drafter of another ministry pulls what changed since their last pull (a small answer: nothing
//! new for them), `REQUESTS` times one after the other, 5 to 45 ms apart at random (so that they
//! come at moments of their own, not in the gaps between pushes), first with nothing else
//! running, then while the
//! coordinator sends, again and again, pushes as large as the server accepts (as close to
//! `MAX_BODY_BYTES` as possible, every mutation the whole, valid creation of a commitment), each
//! checked to be answered 200 with every mutation applied. Two shapes of largest push are sent:
//! commitments whose ten long texts are each as long as the app allows, and the most mutations
//! one push of the app holds (`PUSH_BATCH`), their texts sharing the same bytes.
//!
//! ```sh
//! cargo run --release -p plan-ouvert-client --example contention_bench [-- REQUESTS]
//! ```

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use plan_ouvert_client::Server;
use plan_ouvert_domain::LongText;
use plan_ouvert_server::{api, database, directory, routes};
use plan_ouvert_store::sync::PUSH_BATCH;
use plan_ouvert_sync::access::Role;
use plan_ouvert_sync::fields::{fields, Holds};
use plan_ouvert_sync::protocol::*;
use plan_ouvert_sync::rules::check_creation;
use serde_json::json;
use uuid::Uuid;

mod common;

use common::{sentence, Rng};

/// French-looking prose in paragraphs of four sentences, of at most `chars` characters (and a few
/// less), in the form the app stores a long text.
fn prose(rng: &mut Rng, chars: usize) -> String {
    let mut out = String::with_capacity(chars * 2);
    let mut count = 0;
    let mut sentences = 0_usize;
    while count < chars {
        let separator = if sentences > 0 && sentences.is_multiple_of(4) {
            "\n\n"
        } else if sentences > 0 {
            " "
        } else {
            ""
        };
        let text = sentence(rng);
        let added = separator.chars().count() + text.chars().count();
        if count + added > chars {
            break;
        }
        out.push_str(separator);
        out.push_str(&text);
        count += added;
        sentences += 1;
    }
    out
}

/// The first `chars` characters of `text`, in the form the app stores a long text.
fn cut(text: &str, chars: usize) -> String {
    let end = text.char_indices().nth(chars).map_or(text.len(), |(i, _)| i);
    text[..end].trim_end().to_string()
}

/// A whole record of `kind`: every declared field, those not given with the value of an empty
/// one. Checked with the server's own rule before it is sent.
fn whole(kind: RecordKind, given: Vec<(&str, Value)>) -> BTreeMap<String, Value> {
    let mut values: BTreeMap<String, Value> = given.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    for field in fields(kind) {
        if !values.contains_key(field.name) {
            let empty = field.holds.empty().unwrap_or_else(|| panic!("{kind:?}.{} must be given", field.name));
            values.insert(field.name.to_string(), empty);
        }
    }
    assert_eq!(check_creation(kind, &values), Ok(()), "{kind:?} not valid as created");
    values
}

/// One laptop's numbered mutations.
struct Laptop {
    client: ClientId,
    seq: u64,
}

impl Laptop {
    fn new() -> Self {
        Self { client: ClientId(Uuid::now_v7()), seq: 0 }
    }

    fn create(&mut self, kind: RecordKind, id: Uuid, values: BTreeMap<String, Value>) -> Mutation {
        self.seq += 1;
        Mutation {
            id: MutationId { client: self.client, seq: self.seq },
            record: RecordKey { kind, id },
            change: Change::Create { fields: values },
        }
    }

    fn body(&self, mutations: Vec<Mutation>) -> Vec<u8> {
        let request =
            PushRequest { protocol: PROTOCOL_VERSION, client: self.client, mutations, acknowledged: 0, relay: false };
        serde_json::to_vec(&request).expect("push as JSON")
    }
}

/// Where the commitments go.
#[derive(Clone, Copy)]
struct Structure {
    plan: Uuid,
    area: Uuid,
    lead: Uuid,
}

/// The long-text fields of a commitment.
fn long_text_fields() -> Vec<&'static str> {
    fields(RecordKind::Commitment).iter().filter(|f| f.holds == Holds::LongText).map(|f| f.name).collect()
}

/// A commitment created whole, its long texts cut from `texts`, each of at most `chars`
/// characters.
fn commitment(structure: Structure, position: usize, texts: &[String], chars: usize) -> BTreeMap<String, Value> {
    let mut given = vec![
        ("planId", json!(structure.plan.to_string())),
        ("areaId", json!(structure.area.to_string())),
        ("position", json!(position)),
        ("title", json!(format!("Engagement {} : ouvrir les données de la commande publique", position + 1))),
        ("leadInstitutionId", json!(structure.lead.to_string())),
        ("startDate", json!("2025-03-01")),
        ("endDate", json!("2027-06-30")),
        ("accessToInformation", json!(true)),
        ("publicAccountability", json!(true)),
        ("contactName", json!("Camille Martin")),
        ("contactTitle", json!("Cheffe de projet")),
        ("contactDepartment", json!("Direction interministérielle du numérique")),
        ("contactEmail", json!("camille.martin@numerique.gouv.fr")),
        ("contactPhone", json!("01 40 00 00 00")),
    ];
    for (i, field) in long_text_fields().into_iter().enumerate() {
        given.push((field, json!(cut(&texts[(position + i) % texts.len()], chars))));
    }
    whole(RecordKind::Commitment, given)
}

/// A push as large as the server accepts: commitments with their long texts of `chars`
/// characters while they fit under `MAX_BODY_BYTES` and `PUSH_BATCH`, then one whose texts are
/// cut to fill what is left. Returns the body and its number of mutations.
fn largest_push(
    laptop: &mut Laptop,
    structure: Structure,
    position: &mut usize,
    texts: &[String],
    chars: usize,
) -> (Vec<u8>, usize) {
    // A body is its empty request plus each mutation and the commas between them.
    let empty = laptop.body(Vec::new()).len();
    let size = |mutation: &Mutation| serde_json::to_vec(mutation).expect("mutation as JSON").len();
    let mut mutations = Vec::new();
    let mut total = empty;
    let (client, seq) = (laptop.client, laptop.seq);
    let make = |seq: u64, position: usize, chars: usize| Mutation {
        id: MutationId { client, seq },
        record: RecordKey { kind: RecordKind::Commitment, id: Uuid::now_v7() },
        change: Change::Create { fields: commitment(structure, position, texts, chars) },
    };
    while mutations.len() < PUSH_BATCH {
        let next = make(seq + mutations.len() as u64 + 1, *position + mutations.len(), chars);
        let added = size(&next) + usize::from(!mutations.is_empty());
        if total + added <= api::MAX_BODY_BYTES {
            total += added;
            mutations.push(next);
            continue;
        }
        // The last one: the longest texts that still fit (the size grows with them).
        let (mut low, mut high) = (0, chars);
        while low < high {
            let mid = (low + high).div_ceil(2);
            let candidate = make(seq + mutations.len() as u64 + 1, *position + mutations.len(), mid);
            if total + size(&candidate) + usize::from(!mutations.is_empty()) <= api::MAX_BODY_BYTES {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        let last = make(seq + mutations.len() as u64 + 1, *position + mutations.len(), low);
        if total + size(&last) + usize::from(!mutations.is_empty()) <= api::MAX_BODY_BYTES {
            mutations.push(last);
        }
        break;
    }
    let count = mutations.len();
    laptop.seq += count as u64;
    *position += count;
    let body = laptop.body(mutations);
    assert!(body.len() <= api::MAX_BODY_BYTES);
    (body, count)
}

/// Sends a push as it is and checks the server took all of it: 200, every mutation applied.
async fn push(http: &reqwest::Client, address: &str, token: &str, body: Vec<u8>, count: usize) -> Duration {
    let started = Instant::now();
    let response = http
        .post(format!("{address}/api/sync/push"))
        .bearer_auth(token)
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .body(body)
        .send()
        .await
        .expect("push sent");
    let status = response.status();
    let bytes = response.bytes().await.expect("push answered");
    let took = started.elapsed();
    assert_eq!(status, reqwest::StatusCode::OK, "push refused: {}", String::from_utf8_lossy(&bytes));
    let answer: PushResponse = serde_json::from_slice(&bytes).expect("push response");
    assert_eq!(answer.results.len(), count, "every mutation processed");
    for result in &answer.results {
        assert!(
            matches!(result.outcome, Outcome::Applied { .. }),
            "mutation {} not applied: {:?}",
            result.seq,
            result.outcome
        );
    }
    took
}

/// `requests` pulls one after the other by `person`, each since the head of the previous answer
/// (as the app does), each starting 5 to 45 ms (at random) after the previous one started, or as
/// soon as it ended if it took longer: a person's requests come at moments of their own, not in
/// step with the other person's pushes. Returns the time of each, and of all.
async fn pulls(person: &Server, since: &mut u64, requests: usize) -> (Vec<Duration>, Duration) {
    let mut pace = Rng(0x0dd_ba11);
    let mut times = Vec::with_capacity(requests);
    let first = Instant::now();
    for _ in 0..requests {
        let started = Instant::now();
        let next = started + Duration::from_millis(5 + pace.below(41));
        let (answer, _) = person
            .pull(&PullRequest { protocol: PROTOCOL_VERSION, since: *since, limit: None, count: false })
            .await
            .expect("pull");
        times.push(started.elapsed());
        assert!(answer.changes.is_empty() && !answer.more, "the drafter sees none of the pushed commitments");
        *since = answer.head;
        tokio::time::sleep_until(tokio::time::Instant::from_std(next)).await;
    }
    (times, first.elapsed())
}

/// The `q` quantile (nearest rank) of `times`.
fn quantile(times: &[Duration], q: f64) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort();
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1e3;
    if ms < 10.0 {
        format!("{ms:.2} ms")
    } else {
        format!("{ms:.0} ms")
    }
}

/// What one contended run measured.
struct Contended {
    shape: String,
    bytes: usize,
    mutations: usize,
    pulls: Vec<Duration>,
    /// How long the pulls took from the first to the last.
    span: Duration,
    pushes: Vec<Duration>,
}

/// The server, its two people and the plan's structure.
struct Bench {
    address: String,
    coordinator_token: String,
    drafter: Server,
    /// The drafter's pull cursor.
    since: u64,
    requests: usize,
    structure: Structure,
    texts: Vec<String>,
}

impl Bench {
    /// The drafter's pulls while the coordinator sends largest pushes with long texts of `chars`
    /// characters, one after the other, from before the first pull to after the last.
    async fn contended(&mut self, chars: usize, shape: String) -> Contended {
        // A laptop of its own for this run, and pushes prepared beforehand so that the pushing
        // side spends no time building them while measured (more are built on the way if the
        // pulls outlast them).
        let mut laptop = Laptop::new();
        let mut position = 0;
        let prepared: Vec<(Vec<u8>, usize)> =
            (0..6).map(|_| largest_push(&mut laptop, self.structure, &mut position, &self.texts, chars)).collect();
        let (bytes, mutations) = (prepared[0].0.len(), prepared[0].1);
        let stop = Arc::new(AtomicBool::new(false));
        let (started_tx, started_rx) = tokio::sync::oneshot::channel::<()>();
        let pusher = {
            let stop = stop.clone();
            let (address, token) = (self.address.clone(), self.coordinator_token.clone());
            let (structure, texts) = (self.structure, self.texts.clone());
            tokio::spawn(async move {
                let http = reqwest::Client::new();
                let mut times = Vec::new();
                let mut prepared = prepared.into_iter();
                let mut started_tx = Some(started_tx);
                while !stop.load(Ordering::Relaxed) {
                    let (body, count) = match prepared.next() {
                        Some(push) => push,
                        None => largest_push(&mut laptop, structure, &mut position, &texts, chars),
                    };
                    times.push(push(&http, &address, &token, body, count).await);
                    // The pulls start once one push went through: from then on, a push is
                    // always on its way or being processed.
                    if let Some(tx) = started_tx.take() {
                        let _ = tx.send(());
                    }
                }
                times
            })
        };
        started_rx.await.expect("first push");
        let (pulls, span) = pulls(&self.drafter, &mut self.since, self.requests).await;
        stop.store(true, Ordering::Relaxed);
        let pushes = pusher.await.expect("pusher");
        Contended { shape, bytes, mutations, pulls, span, pushes }
    }
}

/// The longest texts with which `PUSH_BATCH` commitments fit in one push.
fn batch_chars(structure: Structure, texts: &[String]) -> usize {
    let fits = |chars: usize| {
        let mut laptop = Laptop::new();
        let mutations: Vec<Mutation> = (0..PUSH_BATCH)
            .map(|p| laptop.create(RecordKind::Commitment, Uuid::now_v7(), commitment(structure, p, texts, chars)))
            .collect();
        laptop.body(mutations).len() <= api::MAX_BODY_BYTES
    };
    let (mut low, mut high) = (0, LongText::MAX);
    while low < high {
        let mid = (low + high).div_ceil(2);
        if fits(mid) {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    low
}

#[tokio::main]
async fn main() {
    let requests = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(200_usize);
    let dir = tempfile::tempdir().expect("temporary folder");

    // The server's directory: a coordinator and a drafter of another ministry, with tokens.
    let conn = database::open(&dir.path().join("server.sqlite3")).expect("server database");
    let coordination = "Direction interministérielle de la transformation publique";
    let ministry = "Ministère de la Culture";
    directory::add_institution(&conn, coordination, "DITP", "ministry").expect("institution");
    directory::add_institution(&conn, ministry, "MC", "ministry").expect("institution");
    directory::add_person(&conn, "Camille", "DITP", Role::Coordinator).expect("person");
    directory::add_person(&conn, "Dominique", "MC", Role::Drafter).expect("person");
    let coordinator_token = directory::issue_token(&conn, "Camille").expect("token");
    let drafter_token = directory::issue_token(&conn, "Dominique").expect("token");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(async move {
        let _ = axum::serve(listener, routes::app(Arc::new(api::ServerState::new(conn)))).await;
    });

    // The plan's structure, created whole through the sync API by the coordinator: both
    // institutions (named as in the directory), a plan, an engagement area.
    let mut laptop = Laptop::new();
    let structure = Structure { plan: Uuid::now_v7(), area: Uuid::now_v7(), lead: Uuid::now_v7() };
    let institution = |name: &str, acronym: &str| {
        whole(
            RecordKind::Institution,
            vec![("name", json!(name)), ("acronym", json!(acronym)), ("kind", json!("ministry"))],
        )
    };
    let plan = whole(
        RecordKind::Plan,
        vec![
            ("country", json!("France")),
            ("title", json!("France — Plan d'action national 2025-2027")),
            ("periodStart", json!("2025-01-01")),
            ("periodEnd", json!("2027-12-31")),
        ],
    );
    let area = whole(
        RecordKind::Area,
        vec![
            ("planId", json!(structure.plan.to_string())),
            ("kind", json!("thematic")),
            ("title", json!("Axe 1 — Transparence de l'action publique")),
            ("description", json!("Rendre compte des décisions publiques.")),
            ("position", json!(0)),
        ],
    );
    let mutations = vec![
        laptop.create(RecordKind::Institution, structure.lead, institution(coordination, "DITP")),
        laptop.create(RecordKind::Institution, Uuid::now_v7(), institution(ministry, "MC")),
        laptop.create(RecordKind::Plan, structure.plan, plan),
        laptop.create(RecordKind::Area, structure.area, area),
    ];
    let count = mutations.len();
    push(&reqwest::Client::new(), &address, &coordinator_token, laptop.body(mutations), count).await;

    // The drafter's app: a first sync, then pulls since its head.
    let drafter = Server::new(&address, &drafter_token).expect("client");
    let mut since = 0;
    loop {
        let (answer, _) = drafter
            .pull(&PullRequest { protocol: PROTOCOL_VERSION, since, limit: None, count: false })
            .await
            .expect("first pull");
        since = answer.head;
        if !answer.more {
            break;
        }
    }
    let mut rng = Rng(0x5eed_cafe);
    let texts: Vec<String> = (0..16).map(|_| prose(&mut rng, LongText::MAX)).collect();
    for text in &texts {
        let chars = text.chars().count();
        assert!(chars <= LongText::MAX && chars > LongText::MAX - 200, "{chars} characters");
        assert_eq!(LongText::parse(text).map(LongText::into_string).as_ref(), Ok(text), "stored form");
    }
    let mut bench = Bench { address, coordinator_token, drafter, since, requests, structure, texts };
    // Warm-up: connections open, statements prepared.
    pulls(&bench.drafter, &mut bench.since, 20).await;

    // (a) Nothing else running.
    let (alone, alone_span) = pulls(&bench.drafter, &mut bench.since, requests).await;

    // (b) While the coordinator sends largest pushes, of two shapes.
    let long_texts = long_text_fields().len();
    let lengths = bench.texts.iter().map(|t| t.chars().count());
    let (shortest, longest) = (lengths.clone().min().unwrap_or(0), lengths.max().unwrap_or(0));
    let long = bench
        .contended(
            LongText::MAX,
            format!(
                "commitments whose {long_texts} long texts have {shortest} to {longest} characters each \
                 (the last one's shorter, to fill the body)"
            ),
        )
        .await;
    let chars = batch_chars(structure, &bench.texts);
    let many = bench
        .contended(
            chars,
            format!("`PUSH_BATCH` commitments whose {long_texts} long texts have at most {chars} characters each"),
        )
        .await;

    // (c) Nothing else running again, on the database the pushes filled (after one pull that
    // goes past the last pushes' rows).
    pulls(&bench.drafter, &mut bench.since, 1).await;
    let (after, after_span) = pulls(&bench.drafter, &mut bench.since, requests).await;
    let commitments: usize = [&long, &many].iter().map(|run| run.mutations * run.pushes.len()).sum();
    let database: u64 = ["server.sqlite3", "server.sqlite3-wal"]
        .iter()
        .filter_map(|name| std::fs::metadata(dir.path().join(name)).ok())
        .map(|file| file.len())
        .sum();

    println!(
        "Plan ouvert contention benchmark: {requests} pulls one after the other, 5 to 45 ms apart, by a drafter \
         (nothing new for them), the server in this process on loopback"
    );
    println!();
    println!("| the drafter's pull | p50 | p99 | max | all the pulls took |");
    println!("|---|---|---|---|---|");
    let row = |what: &str, times: &[Duration], span: Duration| {
        println!(
            "| {what} | {} | {} | {} | {:.1} s |",
            ms(quantile(times, 0.5)),
            ms(quantile(times, 0.99)),
            ms(quantile(times, 1.0)),
            span.as_secs_f64()
        );
    };
    row("nothing else running", &alone, alone_span);
    for run in [&long, &many] {
        let what = format!("while another person sends largest pushes of {} {}", run.mutations, run.shape);
        row(&what, &run.pulls, run.span);
    }
    row("nothing else running, after the pushes", &after, after_span);
    println!();
    println!(
        "The pushes created {commitments} commitments: the server's database (with its log) was {:.0} MB at the end.",
        database as f64 / 1e6
    );
    println!();
    println!("| largest push | body | mutations | pushes sent | each push: fastest | median | slowest |");
    println!("|---|---|---|---|---|---|---|");
    for run in [&long, &many] {
        println!(
            "| {} | {} bytes ({:.3} MiB of {} MiB) | {} | {} | {} | {} | {} |",
            run.shape,
            run.bytes,
            run.bytes as f64 / 1_048_576.0,
            api::MAX_BODY_BYTES / 1_048_576,
            run.mutations,
            run.pushes.len(),
            ms(quantile(&run.pushes, 0.0)),
            ms(quantile(&run.pushes, 0.5)),
            ms(quantile(&run.pushes, 1.0))
        );
    }
    for run in [&long, &many] {
        let each: Vec<String> = run.pushes.iter().map(|d| ms(*d)).collect();
        println!();
        println!("each push of {} mutations, sent to answered: {}", run.mutations, each.join(", "));
    }
}
