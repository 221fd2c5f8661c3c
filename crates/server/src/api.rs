//! The HTTP API: `fn app(state) -> Router`, one handler per route, every refusal answered as
//! `{ code, message }` with a 4xx status (internals are logged, never sent).

use std::sync::{Arc, Mutex, MutexGuard};

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use plan_ouvert_domain::EvidenceFile;
use plan_ouvert_sync::files::{self, FileState, FileStore, Received, SqliteFiles};
use plan_ouvert_sync::hub::{self, HubError};
use plan_ouvert_sync::protocol::{
    Outcome, ProtocolError, PullRequest, PullResponse, PushRequest, PushResponse, Refusal, PROTOCOL_VERSION,
};
use rusqlite::Connection;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::directory::{self, Person};

use crate::ledger::{LedgerError, SqliteLedger};

/// Largest request body accepted (a laptop back from weeks offline pushes a few MB at most).
pub const MAX_BODY_BYTES: usize = 8 * 1024 * 1024;

/// The server's shared state: one database connection; SQLite serialises writes anyway.
#[derive(Debug)]
pub struct ServerState {
    conn: Mutex<Connection>,
}

impl ServerState {
    pub fn new(conn: Connection) -> Self {
        Self { conn: Mutex::new(conn) }
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// What a client can branch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub enum ErrorCode {
    BadRequest,
    Unauthorized,
    Forbidden,
    UnsupportedProtocol,
    PayloadTooLarge,
    NotFound,
    MethodNotAllowed,
    Internal,
}

/// A refusal: status, code and a French message.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: ErrorCode,
    message: String,
}

impl ApiError {
    fn new(status: StatusCode, code: ErrorCode, message: impl Into<String>) -> Self {
        Self { status, code, message: message.into() }
    }

    fn internal(error: impl std::fmt::Display) -> Self {
        tracing::error!(%error, "internal error");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            ErrorCode::Internal,
            "Erreur interne du serveur ; réessayez plus tard.",
        )
    }
}

/// The body of every refusal.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub code: ErrorCode,
    /// For people, in French.
    pub message: String,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(ErrorBody { code: self.code, message: self.message })).into_response()
    }
}

impl From<ProtocolError> for ApiError {
    fn from(error: ProtocolError) -> Self {
        match error {
            ProtocolError::UnsupportedVersion { supported } => ApiError::new(
                StatusCode::CONFLICT,
                ErrorCode::UnsupportedProtocol,
                format!(
                    "Cette version de Plan ouvert n'est plus compatible avec le serveur (protocole {supported} attendu) : mettez l'application à jour."
                ),
            ),
        }
    }
}

impl<E: std::fmt::Display> From<HubError<E>> for ApiError {
    fn from(error: HubError<E>) -> Self {
        match error {
            HubError::Protocol(e) => e.into(),
            HubError::Ledger(e) => ApiError::internal(e),
        }
    }
}

/// Reads a JSON body: too large → 413, not the expected JSON → 400, both as `{ code, message }`.
fn json_body<T: DeserializeOwned>(body: Result<Bytes, BytesRejection>) -> Result<T, ApiError> {
    let bytes = body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                ErrorCode::PayloadTooLarge,
                format!("Requête trop volumineuse : {} Mo au plus.", MAX_BODY_BYTES / (1024 * 1024)),
            )
        } else {
            ApiError::new(StatusCode::BAD_REQUEST, ErrorCode::BadRequest, "Corps de requête illisible.")
        }
    })?;
    let malformed = |e: serde_json::Error| {
        ApiError::new(StatusCode::BAD_REQUEST, ErrorCode::BadRequest, format!("Requête mal formée : {e}."))
    };
    let value: serde_json::Value = serde_json::from_slice(&bytes).map_err(malformed)?;
    // Another version of the protocol is said as such, whatever the rest of its shape: an older
    // app is told to update, not that its request is malformed.
    if let Some(version) = value.get("protocol").and_then(serde_json::Value::as_u64) {
        if version != u64::from(PROTOCOL_VERSION) {
            return Err(ProtocolError::UnsupportedVersion { supported: PROTOCOL_VERSION }.into());
        }
    }
    serde_json::from_value(value).map_err(malformed)
}

/// Numbers the database holds are signed 64-bit integers: a larger one is refused as malformed
/// rather than failing inside.
trait Bounded {
    /// The first field whose number is too large, if any.
    fn too_large(&self) -> Option<&'static str>;
}

fn too_large(n: u64) -> bool {
    i64::try_from(n).is_err()
}

impl Bounded for PullRequest {
    fn too_large(&self) -> Option<&'static str> {
        too_large(self.since).then_some("since")
    }
}

impl Bounded for PushRequest {
    fn too_large(&self) -> Option<&'static str> {
        self.mutations.iter().any(|m| too_large(m.id.seq)).then_some("seq")
    }
}

/// The token of an `Authorization` header: the `Bearer` scheme, in any case (RFC 9110).
fn bearer_token(header: &str) -> Option<&str> {
    let (scheme, token) = header.trim().split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim()).filter(|t| !t.is_empty())
}

/// The person behind the request's bearer token; 401 when missing, unknown or revoked.
fn authenticate(conn: &Connection, headers: &HeaderMap) -> Result<Person, ApiError> {
    let unauthorized = |message: &str| ApiError::new(StatusCode::UNAUTHORIZED, ErrorCode::Unauthorized, message);
    let token = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(bearer_token)
        .ok_or_else(|| unauthorized("Jeton d'accès manquant : renseignez-le dans les paramètres de l'application."))?;
    directory::authenticate(conn, token)
        .map_err(ApiError::internal)?
        .ok_or_else(|| unauthorized("Jeton d'accès inconnu ou révoqué : demandez-en un nouveau à l'administrateur."))
}

/// Runs blocking database work off the async threads.
async fn blocking<T: Send + 'static>(
    state: Arc<ServerState>,
    work: impl FnOnce(&mut Connection) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(move || work(&mut state.lock())).await.map_err(ApiError::internal)?
}

pub use plan_ouvert_sync::protocol::Me;

/// Who the token belongs to; the app checks a token with it as soon as it is entered.
#[utoipa::path(get, path = "/api/me", security(("token" = [])),
    responses((status = 200, body = Me), (status = 401, body = ErrorBody)))]
pub(crate) async fn me(State(state): State<Arc<ServerState>>, headers: HeaderMap) -> Result<Json<Me>, ApiError> {
    let person = blocking(state, move |conn| authenticate(conn, &headers)).await?;
    Ok(Json(Me { person, protocol: PROTOCOL_VERSION }))
}

/// Applies a laptop's mutations in order, once each; replays get the stored outcomes.
#[utoipa::path(post, path = "/api/sync/push", security(("token" = [])), request_body = PushRequest,
    responses(
        (status = 200, body = PushResponse),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, description = "A change the person may not make; every outcome is in the body", body = ForbiddenBody),
        (status = 409, description = "Another protocol version: update the app", body = ErrorBody),
        (status = 413, body = ErrorBody)))]
pub(crate) async fn push(
    State(state): State<Arc<ServerState>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    sync_call(state, headers, body, |conn, person, request: &PushRequest| {
        // A laptop's identity belongs to the person who first synced with it: another person's
        // push under it comes from a copied data folder, which must take an identity of its own.
        // A relay carries another laptop's mutations under that laptop's identity: it claims none.
        if !request.relay && !crate::ledger::claim_client(conn, request.client, person.id).map_err(HubError::Ledger)? {
            return Ok(PushResponse {
                results: Vec::new(),
                next_expected: 1,
                identity_reused_at: Some(request.mutations.first().map_or(1, |m| m.id.seq)),
                lost_from: None,
                client: Some(request.client),
            });
        }
        hub::push(&mut SqliteLedger::new(conn), &person.actor(), request)
    })
    .await
    .map(push_reply)
}

/// A sync request: reads the body (before taking the database, so that one person's large push
/// does not hold it while being parsed), authenticates the person and runs one sync rule on the
/// database, off the async threads.
async fn sync_call<Req, Res>(
    state: Arc<ServerState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
    rule: fn(&mut Connection, &Person, &Req) -> Result<Res, HubError<LedgerError>>,
) -> Result<Res, ApiError>
where
    Req: DeserializeOwned + Bounded + Send + 'static,
    Res: Send + 'static,
{
    tokio::task::spawn_blocking(move || {
        let request: Result<Req, ApiError> = json_body(body);
        let mut conn = state.lock();
        // Who asks is said first: a stranger learns nothing, not even that the body is wrong.
        let person = authenticate(&conn, &headers)?;
        let request = request?;
        if let Some(field) = request.too_large() {
            let message = format!("Requête mal formée : « {field} » dépasse la plus grande valeur acceptée.");
            return Err(ApiError::new(StatusCode::BAD_REQUEST, ErrorCode::BadRequest, message));
        }
        tracing::debug!(person = %person.id, institution = %person.institution_id, "sync request");
        Ok(rule(&mut conn, &person, &request)?)
    })
    .await
    .map_err(ApiError::internal)?
}

/// A push whose mutations include one the person may not make is answered 403 `forbidden`, with
/// every mutation's outcome still in the body (the others were processed as usual), so a
/// hand-made request learns it was refused and the app can show which change and why.
fn push_reply(response: PushResponse) -> Response {
    let forbidden = response
        .results
        .iter()
        .any(|result| matches!(result.outcome, Outcome::Rejected { refusal: Refusal::Forbidden }));
    if !forbidden {
        return Json(response).into_response();
    }
    let body =
        ForbiddenBody { code: ErrorCode::Forbidden, message: Refusal::Forbidden.message_fr().to_string(), response };
    (StatusCode::FORBIDDEN, Json(body)).into_response()
}

/// A push refused in part: the refusal, and what became of each mutation.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ForbiddenBody {
    pub code: ErrorCode,
    pub message: String,
    #[serde(flatten)]
    pub response: PushResponse,
}

/// What changed since a server version, among the records the person may see.
#[utoipa::path(post, path = "/api/sync/pull", security(("token" = [])), request_body = PullRequest,
    responses((status = 200, body = PullResponse), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub(crate) async fn pull(
    State(state): State<Arc<ServerState>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<PullResponse>, ApiError> {
    sync_call(state, headers, body, |conn, person, request| {
        hub::pull(&mut SqliteLedger::new(conn), &person.actor(), request)
    })
    .await
    .map(Json)
}

pub(crate) async fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, ErrorCode::NotFound, "Adresse inconnue de l'API.")
}

pub(crate) async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        ErrorCode::MethodNotAllowed,
        "Méthode non prise en charge à cette adresse de l'API.",
    )
}

/// One line per request on standard error: method, path, status and time taken (never a body
/// or a token).
pub(crate) async fn log_request(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let (method, path) = (request.method().clone(), request.uri().path().to_string());
    let started = std::time::Instant::now();
    let response = next.run(request).await;
    let status = response.status().as_u16();
    let ms = started.elapsed().as_millis();
    if response.status().is_server_error() {
        tracing::error!(%method, path, status, ms, "request");
    } else {
        tracing::info!(%method, path, status, ms, "request");
    }
    response
}

/// Where a chunk of an evidence file goes: the file's size and the chunk's place in it.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ChunkPlace {
    /// The whole file's size, in bytes.
    pub size: u64,
    /// Where the chunk starts.
    pub offset: u64,
}

/// Which bytes of an evidence file to send.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ByteRange {
    pub offset: u64,
    /// At most this many bytes (and never more than one chunk).
    pub length: Option<u64>,
}

fn file_name(sha256: &str) -> Result<(), ApiError> {
    if EvidenceFile::is_sha256(sha256) {
        Ok(())
    } else {
        Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            ErrorCode::BadRequest,
            "Nom de fichier invalide : une empreinte SHA-256 en hexadécimal minuscule est attendue.",
        ))
    }
}

fn no_file() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        ErrorCode::NotFound,
        "Ce fichier n'est pas sur le serveur, ou aucun rapport que vous pouvez lire ne le cite.",
    )
}

/// Where an evidence file stands on the server: the laptop asks before sending it, and resumes
/// an upload cut off from `received`.
#[utoipa::path(get, path = "/api/files/{sha256}", security(("token" = [])),
    params(("sha256" = String, Path, description = "The SHA-256 of the file's bytes")),
    responses((status = 200, body = FileState), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
pub(crate) async fn file_state(
    State(state): State<Arc<ServerState>>,
    Path(sha256): Path<String>,
    headers: HeaderMap,
) -> Result<Json<FileState>, ApiError> {
    blocking(state, move |conn| {
        authenticate(conn, &headers)?;
        file_name(&sha256)?;
        SqliteFiles(conn).state(&sha256).map_err(ApiError::internal)?.map(Json).ok_or_else(no_file)
    })
    .await
}

/// Takes a chunk of an evidence file from the person who reports (not a reader): written where
/// the upload stands, the file complete only once its bytes hash to its name
/// (`plan_ouvert_sync::files::receive`, the rule laptops apply to downloads).
#[utoipa::path(put, path = "/api/files/{sha256}", security(("token" = [])),
    params(("sha256" = String, Path, description = "The SHA-256 of the file's bytes"), ChunkPlace),
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses((status = 200, body = Received), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 413, body = ErrorBody)))]
pub(crate) async fn upload_file(
    State(state): State<Arc<ServerState>>,
    Path(sha256): Path<String>,
    Query(place): Query<ChunkPlace>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<Received>, ApiError> {
    blocking(state, move |conn| {
        let person = authenticate(conn, &headers)?;
        file_name(&sha256)?;
        if !hub::may_upload_files(&person.actor()) {
            return Err(ApiError::new(StatusCode::FORBIDDEN, ErrorCode::Forbidden, "Votre rôle ne permet pas de joindre des fichiers."));
        }
        let bytes = body.map_err(|_| ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, ErrorCode::PayloadTooLarge, "Morceau de fichier trop volumineux."))?;
        let tx = conn.transaction().map_err(ApiError::internal)?;
        let received = files::receive(&mut SqliteFiles(&tx), &sha256, place.size, place.offset, &bytes).map_err(ApiError::internal)?;
        tx.commit().map_err(ApiError::internal)?;
        match received {
            Received::Refused => Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                ErrorCode::BadRequest,
                format!("Fichier refusé : taille nulle, supérieure à {} Mo, différente de celle déjà annoncée, ou morceau de plus de {} Mo.", EvidenceFile::MAX_SIZE / (1024 * 1024), files::CHUNK / (1024 * 1024)),
            )),
            other => Ok(Json(other)),
        }
    })
    .await
}

/// The bytes of a complete evidence file from `offset` (one chunk at most), for a person who may
/// read a report naming it; `x-file-size` says the whole file's size.
#[utoipa::path(get, path = "/api/files/{sha256}/content", security(("token" = [])),
    params(("sha256" = String, Path, description = "The SHA-256 of the file's bytes"), ByteRange),
    responses((status = 200, content_type = "application/octet-stream", body = Vec<u8>),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub(crate) async fn download_file(
    State(state): State<Arc<ServerState>>,
    Path(sha256): Path<String>,
    Query(range): Query<ByteRange>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    blocking(state, move |conn| {
        let person = authenticate(conn, &headers)?;
        file_name(&sha256)?;
        let readable =
            hub::may_read_file(&mut SqliteLedger::new(conn), &person.actor(), &sha256).map_err(ApiError::internal)?;
        let held = SqliteFiles(conn).state(&sha256).map_err(ApiError::internal)?;
        let Some(held) = held.filter(|h| h.complete && readable) else { return Err(no_file()) };
        let length = range.length.unwrap_or(files::CHUNK as u64).min(files::CHUNK as u64) as usize;
        let bytes = SqliteFiles(conn).read(&sha256, range.offset, length).map_err(ApiError::internal)?;
        Ok((
            [
                (axum::http::header::CONTENT_TYPE, "application/octet-stream".to_string()),
                (axum::http::HeaderName::from_static("x-file-size"), held.size.to_string()),
            ],
            bytes,
        )
            .into_response())
    })
    .await
}
