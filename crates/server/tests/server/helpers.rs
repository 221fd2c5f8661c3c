//! A server process on a free loopback port, its administration commands, and JSON requests.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use serde_json::{json, Value};
use uuid::Uuid;

/// The protocol this build speaks: hand-made requests say it like a laptop does.
pub use plan_ouvert_sync::protocol::PROTOCOL_VERSION;

pub const BIN: &str = env!("CARGO_BIN_EXE_plan-ouvert-server");

/// Runs an administration command; `Ok(stdout)` or `Err(stderr)`.
pub fn admin(db: &Path, args: &[&str]) -> Result<String, String> {
    let output = Command::new(BIN).arg("--db").arg(db).args(args).output().expect("run plan-ouvert-server");
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).trim().to_string())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).trim().to_string())
    }
}

pub struct Server {
    child: Child,
    pub url: String,
}

impl Server {
    pub fn start(db: &Path) -> Server {
        let mut child = Command::new(BIN)
            .arg("--db")
            .arg(db)
            .args(["serve", "--listen", "127.0.0.1:0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start the server");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut line).expect("the server's first line");
        let address = line.trim().rsplit(' ').next().expect("an address").to_string();
        Server { child, url: format!("http://{address}") }
    }

    /// SIGKILL: no shutdown, no flush.
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    pub fn post(&self, path: &str, token: Option<&str>, body: impl Into<reqwest::blocking::Body>) -> (u16, Value) {
        let mut request = reqwest::blocking::Client::new()
            .post(format!("{}{path}", self.url))
            .header("content-type", "application/json")
            .body(body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().expect("a response");
        let status = response.status().as_u16();
        (status, response.json().unwrap_or(Value::Null))
    }

    pub fn get(&self, path: &str, token: Option<&str>) -> (u16, Value) {
        let mut request = reqwest::blocking::Client::new().get(format!("{}{path}", self.url));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().expect("a response");
        let status = response.status().as_u16();
        (status, response.json().unwrap_or(Value::Null))
    }

    pub fn push(&self, token: &str, request: &Value) -> (u16, Value) {
        self.post("/api/sync/push", Some(token), request.to_string())
    }

    pub fn pull(&self, token: &str, since: u64) -> (u16, Value) {
        self.post("/api/sync/pull", Some(token), json!({"protocol": PROTOCOL_VERSION, "since": since}).to_string())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A ministry and an independent authority, a drafter of each, a second drafter of the
/// ministry, a coordinator and a reader of the ministry, each with a token.
pub struct Cast {
    pub ministry: String,
    pub authority: String,
    pub tokens: std::collections::HashMap<&'static str, String>,
}

pub fn cast(db: &Path) -> Cast {
    let ministry =
        admin(db, &["institution", "add", "Ministère de la Transition écologique", "--acronym", "MTE"]).unwrap();
    let authority = admin(
        db,
        &[
            "institution",
            "add",
            "Haute Autorité pour la transparence de la vie publique",
            "--acronym",
            "HATVP",
            "--kind",
            "independentAuthority",
        ],
    )
    .unwrap();
    admin(
        db,
        &["institution", "add", "Direction interministérielle de la transformation publique", "--acronym", "DITP"],
    )
    .unwrap();
    let mut tokens = std::collections::HashMap::new();
    for (name, institution, role) in [
        ("drafter", "MTE", "drafter"),
        ("drafter2", "MTE", "drafter"),
        ("authority", "HATVP", "drafter"),
        ("coordinator", "DITP", "coordinator"),
        ("reader", "MTE", "reader"),
    ] {
        admin(db, &["user", "add", name, "--institution", institution, "--role", role]).unwrap();
        tokens.insert(name, admin(db, &["token", "issue", name]).unwrap());
    }
    Cast { ministry, authority, tokens }
}

/// An empty server database in a temporary folder (kept while the folder lives).
pub fn fresh_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let db = dir.path().join("server.sqlite3");
    (dir, db)
}

/// A server running on a fresh database populated with [`cast`].
pub fn running() -> (tempfile::TempDir, Cast, Server) {
    let (dir, db) = fresh_db();
    let cast = cast(&db);
    let server = Server::start(&db);
    structure(&server, &cast);
    (dir, cast, server)
}

/// A push of one laptop's mutations.
pub fn push_request(client: Uuid, mutations: Vec<Value>) -> Value {
    json!({"protocol": PROTOCOL_VERSION, "client": client, "mutations": mutations})
}

/// The plan and engagement area every test's commitments belong to (see [`structure`]).
pub const PLAN: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0f01);
pub const AREA: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0a01);

/// A whole commitment of [`PLAN`]'s [`AREA`], led by `lead` (an institution of the cast), as a
/// laptop creates it.
pub fn create(client: Uuid, seq: u64, record: Uuid, lead: &str, title: &str) -> Value {
    json!({"id": {"client": client, "seq": seq}, "record": {"kind": "commitment", "id": record},
           "change": {"op": "create", "fields": {
               "planId": PLAN, "areaId": AREA, "position": 0, "title": title, "problem": "P0.\n\nP1.",
               "leadInstitutionId": lead}}})
}

/// The plan's structure, as the coordinator's laptop sends it: the cast's institutions (under
/// their directory ids), one plan and one engagement area.
pub fn structure(server: &Server, cast: &Cast) {
    let laptop = Uuid::now_v7();
    let record = |seq: u64, kind: &str, id: &str, fields: Value| {
        json!({"id": {"client": laptop, "seq": seq}, "record": {"kind": kind, "id": id},
               "change": {"op": "create", "fields": fields}})
    };
    let mutations = vec![
        record(
            1,
            "institution",
            &cast.ministry,
            json!({"name": "Ministère de la Transition écologique", "acronym": "MTE", "kind": "ministry"}),
        ),
        record(
            2,
            "institution",
            &cast.authority,
            json!({"name": "Haute Autorité pour la transparence de la vie publique", "acronym": "HATVP", "kind": "independentAuthority"}),
        ),
        record(
            3,
            "plan",
            &PLAN.to_string(),
            json!({"country": "France", "title": "Plan d'action 2025-2027", "periodStart": "2025-01-01", "periodEnd": "2027-12-31"}),
        ),
        record(
            4,
            "area",
            &AREA.to_string(),
            json!({"planId": PLAN, "kind": "thematic", "title": "Transparence", "description": "", "position": 0}),
        ),
    ];
    let (status, body) = server.push(&cast.tokens["coordinator"], &push_request(laptop, mutations));
    assert_eq!((status, outcomes(&body)), (200, vec!["applied".to_string(); 4]), "the plan's structure: {body}");
}

/// Pushes one mutation from a new laptop; the outcome's kind and refusal.
pub fn push_one(server: &Server, token: &str, build: impl FnOnce(Uuid) -> Value) -> (String, String) {
    let laptop = Uuid::now_v7();
    let (_, body) = server.push(token, &push_request(laptop, vec![build(laptop)]));
    let outcome = &body["results"][0]["outcome"];
    (outcome["kind"].as_str().unwrap_or("?").to_string(), outcome["refusal"].as_str().unwrap_or("").to_string())
}

pub fn applied() -> (String, String) {
    ("applied".into(), String::new())
}

pub fn refused(refusal: &str) -> (String, String) {
    ("rejected".into(), refusal.into())
}

pub fn set(client: Uuid, seq: u64, record: Uuid, field: &str, value: &str, base: &str) -> Value {
    json!({"id": {"client": client, "seq": seq}, "record": {"kind": "commitment", "id": record},
           "change": {"op": "set", "field": field, "value": value, "base": base}})
}

/// The outcome kind of each result of a push response (`applied`, `merged`…).
pub fn outcomes(response: &Value) -> Vec<String> {
    response["results"]
        .as_array()
        .map(|r| r.iter().map(|result| result["outcome"]["kind"].as_str().unwrap_or("?").to_string()).collect())
        .unwrap_or_default()
}

/// The records a pull returned.
pub fn pulled_records(response: &Value) -> Vec<String> {
    let mut ids: Vec<String> = response["changes"]
        .as_array()
        .map(|c| c.iter().map(|ch| ch["record"]["id"].as_str().unwrap_or("").to_string()).collect())
        .unwrap_or_default();
    ids.sort();
    ids.dedup();
    ids
}

/// One mutation of a `kind` record, as a laptop numbers it.
pub fn mutation(client: Uuid, seq: u64, kind: &str, id: Uuid, change: Value) -> Value {
    json!({"id": {"client": client, "seq": seq}, "record": {"kind": kind, "id": id}, "change": change})
}

pub fn creation(fields: Value) -> Value {
    json!({"op": "create", "fields": fields})
}

pub fn setting(field: &str, value: Value, base: Value) -> Value {
    json!({"op": "set", "field": field, "value": value, "base": base})
}

pub fn deletion(seen: u64) -> Value {
    json!({"op": "delete", "seen": seen})
}

/// The (kind, id) of every record a pull's changes carry.
pub fn pulled(body: &Value) -> BTreeSet<(String, String)> {
    body["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["record"]["kind"].as_str().unwrap().to_string(), c["record"]["id"].as_str().unwrap().to_string()))
        .collect()
}

/// The (kind, id) of every record a pull says was deleted.
pub fn deleted(body: &Value) -> BTreeSet<(String, String)> {
    body["deleted"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d[0]["kind"].as_str().unwrap().to_string(), d[0]["id"].as_str().unwrap().to_string()))
        .collect()
}

pub fn key(kind: &str, id: Uuid) -> (String, String) {
    (kind.to_string(), id.to_string())
}

/// The value a field holds on the server, as the ministry's drafter receives it.
pub fn value(server: &Server, cast: &Cast, kind: &str, id: Uuid, field: &str) -> Value {
    let (_, body) = server.pull(&cast.tokens["drafter"], 0);
    body["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["record"]["kind"] == kind && c["record"]["id"] == json!(id) && c["field"] == field)
        .map_or(Value::Null, |c| c["value"].clone())
}

/// The server's current version.
pub fn head(server: &Server, cast: &Cast) -> u64 {
    server.pull(&cast.tokens["coordinator"], 0).1["head"].as_u64().unwrap()
}
