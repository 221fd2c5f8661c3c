//! One laptop per session: its app (store, sync loop), its event stream, its scripted dialogs.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::{Path as UrlPath, State};
use axum::response::sse::{Event as Sse, KeepAlive};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use plan_ouvert_app::{App, Event, FileRequest, ScriptedFiles, Shell};
use plan_ouvert_domain::{ErrorCode, Failure, Locale};
use serde::Deserialize;
use serde_json::{json, Value};
use tokio::sync::broadcast;

/// The session that exists without being created: the one a developer's browser uses.
pub const DEFAULT_SESSION: &str = "default";

/// What shows a session's app: a broadcast of its events, and scripted file dialogs.
#[derive(Debug)]
struct BridgeShell {
    events: broadcast::Sender<Event>,
    files: ScriptedFiles,
    /// Milliseconds to wait after each import progress report (0: none).
    progress_delay_ms: AtomicU64,
    /// The files the app asked to open, in order.
    opened: Mutex<Vec<PathBuf>>,
    /// The desktop notifications the app sent, in order.
    notified: Mutex<Vec<Notified>>,
}

/// A desktop notification as the app worded it.
#[derive(Debug, Clone, serde::Serialize)]
struct Notified {
    title: String,
    body: String,
}

impl Shell for BridgeShell {
    fn emit(&self, event: Event) {
        let pause = matches!(event, Event::ImportProgress(_)).then(|| self.progress_delay_ms.load(Ordering::Relaxed));
        // Nobody listening is not a failure: the page may not have subscribed yet.
        let _ = self.events.send(event);
        if let Some(ms) = pause.filter(|ms| *ms > 0) {
            // Called from the import's own (blocking) thread.
            std::thread::sleep(Duration::from_millis(ms));
        }
    }

    fn pick_file(
        &self,
        _request: FileRequest,
        _name: Option<&str>,
        _locale: Locale,
    ) -> Result<Option<PathBuf>, String> {
        Ok(self.files.next())
    }

    /// Nothing is shown from a bridge: the file opened is kept for the test to read
    /// (`GET /bridge/s/<id>/opened`).
    fn open_file(&self, path: &Path) -> Result<(), String> {
        self.opened.lock().unwrap_or_else(|p| p.into_inner()).push(path.to_path_buf());
        Ok(())
    }

    /// Nor notified: kept for the test to read (`GET /bridge/s/<id>/notified`).
    fn notify(&self, title: &str, body: &str) -> Result<(), String> {
        let notice = Notified { title: title.to_string(), body: body.to_string() };
        self.notified.lock().unwrap_or_else(|p| p.into_inner()).push(notice);
        Ok(())
    }
}

#[derive(Debug)]
struct Session {
    app: App,
    shell: Arc<BridgeShell>,
}

/// Every session of this bridge, each in a folder under `root`.
#[derive(Debug)]
pub struct Sessions {
    root: PathBuf,
    /// Removed when the bridge stops, unless the folder was given (`--data`).
    _temporary: Option<TempFolder>,
    open: Mutex<HashMap<String, Arc<Session>>>,
}

/// A folder removed when dropped.
#[derive(Debug)]
struct TempFolder(PathBuf);

impl Drop for TempFolder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

impl Sessions {
    /// Sessions in `root`, or in a new temporary folder.
    pub fn new(root: Option<PathBuf>) -> std::io::Result<Self> {
        let (root, temporary) = match root {
            Some(root) => (root, None),
            None => {
                let root = std::env::temp_dir().join(format!("plan-ouvert-bridge-{}", uuid::Uuid::now_v7()));
                (root.clone(), Some(TempFolder(root)))
            }
        };
        std::fs::create_dir_all(&root)?;
        Ok(Self { root, _temporary: temporary, open: Mutex::new(HashMap::new()) })
    }

    fn open_session(&self, id: &str) -> Result<Arc<Session>, Failure> {
        let mut open = self.open.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(session) = open.get(id) {
            return Ok(session.clone());
        }
        let (events, _) = broadcast::channel(256);
        let shell = Arc::new(BridgeShell {
            events,
            files: ScriptedFiles::default(),
            progress_delay_ms: AtomicU64::new(0),
            opened: Mutex::new(Vec::new()),
            notified: Mutex::new(Vec::new()),
        });
        let folder: &Path = &self.root.join(id);
        std::fs::create_dir_all(folder).map_err(|e| Failure::new(ErrorCode::Storage, e.to_string()))?;
        let app = App::open(folder, shell.clone()).map_err(|e| e.to_failure(Locale::Fr))?;
        tokio::spawn(app.clone().run_sync());
        let session = Arc::new(Session { app, shell });
        open.insert(id.to_string(), session.clone());
        Ok(session)
    }

    /// An existing session (or the default one, opened on first use).
    fn session(&self, id: &str) -> Result<Arc<Session>, Failure> {
        if id == DEFAULT_SESSION {
            return self.open_session(id);
        }
        self.open.lock().unwrap_or_else(|p| p.into_inner()).get(id).cloned().ok_or_else(|| {
            Failure::new(ErrorCode::NotFound, format!("Aucune session « {id} » sur ce pont : créez-la d'abord."))
        })
    }
}

pub fn routes(sessions: Arc<Sessions>) -> Router {
    Router::new()
        .route("/bridge/sessions", post(create))
        .route("/bridge/s/{id}/invoke/{command}", post(invoke))
        .route("/bridge/s/{id}/events", get(events))
        .route("/bridge/s/{id}/script", post(script))
        .route("/bridge/s/{id}/opened", get(opened))
        .route("/bridge/s/{id}/notified", get(notified))
        .with_state(sessions)
}

async fn create(State(sessions): State<Arc<Sessions>>) -> Response {
    let id = uuid::Uuid::now_v7().simple().to_string();
    match sessions.open_session(&id) {
        Ok(_) => Json(json!({ "session": id })).into_response(),
        Err(failure) => (axum::http::StatusCode::INTERNAL_SERVER_ERROR, Json(failure)).into_response(),
    }
}

/// Every answer is 200: `{ "ok": value }` or `{ "err": failure }`, as the Tauri IPC resolves or
/// rejects; a status code would say the bridge failed, not the command.
async fn invoke(
    State(sessions): State<Arc<Sessions>>,
    UrlPath((id, command)): UrlPath<(String, String)>,
    body: axum::body::Bytes,
) -> Json<Value> {
    let reply = async {
        if !valid_id(&id) {
            return Err(Failure::new(ErrorCode::Internal, "bad session id"));
        }
        let session = sessions.session(&id)?;
        let args: Value = if body.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&body).map_err(|e| Failure::new(ErrorCode::Internal, format!("arguments: {e}")))?
        };
        plan_ouvert_app::dispatch(&session.app, &command, args).await
    }
    .await;
    Json(match reply {
        Ok(value) => json!({ "ok": value }),
        Err(failure) => json!({ "err": failure }),
    })
}

/// The files the session's app asked to open, in order (what a person would have seen open).
async fn opened(State(sessions): State<Arc<Sessions>>, UrlPath(id): UrlPath<String>) -> Response {
    match valid_id(&id).then(|| sessions.session(&id)) {
        Some(Ok(session)) => {
            Json(session.shell.opened.lock().unwrap_or_else(|p| p.into_inner()).clone()).into_response()
        }
        _ => axum::http::StatusCode::NOT_FOUND.into_response(),
    }
}

/// The desktop notifications the session's app sent, in order (`{ title, body }`).
async fn notified(State(sessions): State<Arc<Sessions>>, UrlPath(id): UrlPath<String>) -> Response {
    match valid_id(&id).then(|| sessions.session(&id)) {
        Some(Ok(session)) => {
            Json(session.shell.notified.lock().unwrap_or_else(|p| p.into_inner()).clone()).into_response()
        }
        _ => axum::http::StatusCode::NOT_FOUND.into_response(),
    }
}

async fn events(State(sessions): State<Arc<Sessions>>, UrlPath(id): UrlPath<String>) -> Response {
    let session = match valid_id(&id).then(|| sessions.session(&id)) {
        Some(Ok(session)) => session,
        _ => return axum::http::StatusCode::NOT_FOUND.into_response(),
    };
    let receiver = session.shell.events.subscribe();
    let stream = futures_util::stream::unfold(receiver, |mut receiver| async move {
        loop {
            match receiver.recv().await {
                Ok(event) => {
                    let sse = Sse::default().event(event.name()).data(event.payload().to_string());
                    return Some((Ok::<_, std::convert::Infallible>(sse), receiver));
                }
                // A slow page missed some: the next status carries the whole state anyway.
                Err(broadcast::error::RecvError::Lagged(_)) => continue,
                Err(broadcast::error::RecvError::Closed) => return None,
            }
        }
    });
    axum::response::Sse::new(stream).keep_alive(KeepAlive::default()).into_response()
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Script {
    #[serde(default)]
    files: Vec<Option<PathBuf>>,
    progress_delay_ms: Option<u64>,
}

async fn script(
    State(sessions): State<Arc<Sessions>>,
    UrlPath(id): UrlPath<String>,
    Json(script): Json<Script>,
) -> Response {
    let session = match valid_id(&id).then(|| sessions.session(&id)) {
        Some(Ok(session)) => session,
        _ => return axum::http::StatusCode::NOT_FOUND.into_response(),
    };
    session.shell.files.push(script.files);
    if let Some(ms) = script.progress_delay_ms {
        session.shell.progress_delay_ms.store(ms, Ordering::Relaxed);
    }
    Json(json!({})).into_response()
}
