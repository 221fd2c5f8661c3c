//! Sync with the central plan API, in the background, for as long as the app runs.
//!
//! Whenever the network is there: shortly after each change, every
//! [`DEFAULT_INTERVAL`] to receive others' changes, and when the person asks. While the server
//! cannot be reached it retries with a growing delay (2 s, 4 s… up to two minutes). A refused
//! token stops the retries until the person enters one again. Every change of what the status bar
//! shows is sent to the interface as a `sync-status` event.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use plan_ouvert_client::{normalise_address, ClientError, Server};
use plan_ouvert_domain::{
    ErrorCode, Failure, FieldError, Locale, SyncAccount, SyncConnection, SyncRole, SyncSettings, SyncStatus, TokenStorage,
};
use plan_ouvert_store::Store;
use plan_ouvert_sync::access::Role;
use plan_ouvert_sync::protocol::Person;
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::state::AppState;
use crate::token;

/// The event carrying a new [`SyncStatus`].
pub const STATUS_EVENT: &str = "sync-status";
/// How often to ask the server for others' changes when nothing happens here.
pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(30);
/// Overrides [`DEFAULT_INTERVAL`], in seconds (tests use a short one).
pub const INTERVAL_ENV: &str = "PLAN_OUVERT_SYNC_INTERVAL";
const MAX_BACKOFF: Duration = Duration::from_secs(120);
/// A burst of typing is sent as one exchange.
const SETTLE: Duration = Duration::from_millis(800);

/// The delay before the next attempt after one more failure: 2 s, then doubling, at most
/// [`MAX_BACKOFF`].
fn next_backoff(previous: Duration) -> Duration {
    (previous * 2).clamp(Duration::from_secs(2), MAX_BACKOFF)
}

#[derive(Debug, Clone)]
struct Session {
    server: Server,
    person: Person,
}

#[derive(Debug)]
struct Inner {
    session: Option<Session>,
    connection: SyncConnection,
    syncing: bool,
    last_error: Option<ClientError>,
    revision: u32,
    backoff: Duration,
    retry_at: Option<Instant>,
    last_attempt: Option<Instant>,
    last_sent: Option<SyncStatus>,
}

/// The sync state of the running app.
#[derive(Debug)]
pub struct SyncService {
    data_dir: PathBuf,
    interval: Duration,
    inner: Mutex<Inner>,
    exchange: tokio::sync::Mutex<()>,
    wake: tokio::sync::Notify,
}

fn role(role: Role) -> SyncRole {
    match role {
        Role::Drafter => SyncRole::Drafter,
        Role::Coordinator => SyncRole::Coordinator,
        Role::Reader => SyncRole::Reader,
    }
}

fn lock_store(state: &AppState) -> MutexGuard<'_, Store> {
    state.store().lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn storage_code(storage: TokenStorage) -> &'static str {
    match storage {
        TokenStorage::Keyring => "keyring",
        TokenStorage::File => "file",
    }
}

fn storage_from(code: &str) -> Option<TokenStorage> {
    match code {
        "keyring" => Some(TokenStorage::Keyring),
        "file" => Some(TokenStorage::File),
        _ => None,
    }
}

/// A refusal of what was typed in the connection form, field by field.
fn invalid(fields: Vec<FieldError>, locale: Locale) -> Failure {
    let message = match fields.as_slice() {
        [one] => one.message.clone(),
        _ => locale.pick("Deux champs sont à corriger.", "Two fields need correcting.").to_string(),
    };
    Failure { code: ErrorCode::Validation, message, fields }
}

fn storage_failure(error: impl std::fmt::Display, locale: Locale) -> Failure {
    eprintln!("plan-ouvert: sync settings: {error}");
    plan_ouvert_store::Error::Corrupt(error.to_string()).to_failure(locale)
}

impl SyncService {
    /// Reads the saved connection (address, account, token) from the store and the token store.
    pub fn open(data_dir: PathBuf, store: &mut Store) -> Self {
        let interval = std::env::var(INTERVAL_ENV)
            .ok()
            .and_then(|s| s.parse::<u64>().ok())
            .map(Duration::from_secs)
            .unwrap_or(DEFAULT_INTERVAL);
        let session = Self::saved_session(&data_dir, store);
        let connection = if session.is_some() { SyncConnection::Offline } else { SyncConnection::NotConfigured };
        Self {
            data_dir,
            interval,
            inner: Mutex::new(Inner {
                session,
                connection,
                syncing: false,
                last_error: None,
                revision: 0,
                backoff: Duration::ZERO,
                retry_at: None,
                last_attempt: None,
                last_sent: None,
            }),
            exchange: tokio::sync::Mutex::new(()),
            wake: tokio::sync::Notify::new(),
        }
    }

    fn saved_session(data_dir: &std::path::Path, store: &mut Store) -> Option<Session> {
        let address = store.sync_setting("serverUrl").ok()??;
        let person: Person = serde_json::from_str(&store.sync_setting("account").ok()??).ok()?;
        let storage = storage_from(&store.sync_setting("tokenStorage").ok()??)?;
        let account = store.sync_client().ok()?.0.to_string();
        let token = token::load(data_dir, &account, storage)?;
        Some(Session { server: Server::new(&address, &token).ok()?, person })
    }

    fn inner(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// What the status bar shows now.
    pub fn status(&self, state: &AppState) -> SyncStatus {
        let (counts, last_success, server_url, locale) = {
            let store = lock_store(state);
            (
                store.sync_counts().unwrap_or_default(),
                store
                    .sync_setting("lastSuccess")
                    .ok()
                    .flatten()
                    .and_then(|t| chrono::DateTime::parse_from_rfc3339(&t).ok())
                    .map(|t| t.with_timezone(&chrono::Utc)),
                store.sync_setting("serverUrl").ok().flatten(),
                store.locale().unwrap_or_default(),
            )
        };
        let inner = self.inner();
        SyncStatus {
            connection: inner.connection,
            syncing: inner.syncing,
            pending: counts.pending,
            conflicts: counts.conflicts,
            rejections: counts.rejections,
            last_success,
            last_error: inner.last_error.as_ref().map(|e| e.message(locale)),
            server_url: if inner.session.is_some() { server_url } else { None },
            revision: inner.revision,
        }
    }

    /// Sends the status to the interface if it changed since last sent.
    pub fn publish<R: Runtime>(&self, app: &AppHandle<R>) -> SyncStatus {
        let state = app.state::<AppState>();
        let status = self.status(&state);
        let changed = {
            let mut inner = self.inner();
            let changed = inner.last_sent.as_ref() != Some(&status);
            inner.last_sent = Some(status.clone());
            changed
        };
        if changed {
            let _ = app.emit(STATUS_EVENT, &status);
        }
        status
    }

    pub fn settings(&self, state: &AppState) -> SyncSettings {
        let store = lock_store(state);
        let inner = self.inner();
        match &inner.session {
            None => SyncSettings { server_url: None, account: None, token_storage: None },
            Some(session) => SyncSettings {
                server_url: Some(session.server.address().to_string()),
                account: Some(SyncAccount {
                    name: session.person.name.clone(),
                    institution_name: session.person.institution_name.clone(),
                    role: role(session.person.role),
                }),
                token_storage: store.sync_setting("tokenStorage").ok().flatten().as_deref().and_then(storage_from),
            },
        }
    }

    /// Checks address and token against the server, then keeps them, queues this laptop's
    /// records the server has never seen, and syncs.
    pub async fn connect<R: Runtime>(
        &self,
        app: &AppHandle<R>,
        address: &str,
        token: &str,
    ) -> Result<SyncSettings, Failure> {
        let state = app.state::<AppState>();
        let locale = lock_store(&state).locale().unwrap_or_default();
        let mut problems = Vec::new();
        let address = match normalise_address(address) {
            Ok(address) => Some(address),
            Err(_) => {
                problems.push(FieldError { field: "serverUrl".into(), message: ClientError::BadAddress.message(locale) });
                None
            }
        };
        if token.trim().is_empty() {
            let message = locale
                .pick("Saisissez le jeton reçu de votre administrateur.", "Enter the token your administrator gave you.");
            problems.push(FieldError { field: "token".into(), message: message.to_string() });
        }
        let Some(address) = address.filter(|_| problems.is_empty()) else {
            return Err(invalid(problems, locale));
        };
        let server = Server::new(&address, token).map_err(|e| self.connect_failure(&e, locale))?;
        let person = server.me().await.map_err(|e| self.connect_failure(&e, locale))?;

        {
            let mut store = lock_store(&state);
            let account = store.sync_client().map_err(|e| e.to_failure(locale))?.0.to_string();
            let storage = token::save(&self.data_dir, &account, token.trim()).map_err(|e| storage_failure(e, locale))?;
            let previous = store.sync_setting("serverUrl").ok().flatten();
            if previous.as_deref() != Some(address.as_str()) {
                // Another server: what this laptop knew of the previous one does not apply.
                store.set_sync_setting("cursor", None).map_err(|e| e.to_failure(locale))?;
            }
            store.set_sync_setting("serverUrl", Some(&address)).map_err(|e| e.to_failure(locale))?;
            store.set_sync_setting("tokenStorage", Some(storage_code(storage))).map_err(|e| e.to_failure(locale))?;
            let person_json = serde_json::to_string(&person).map_err(|e| storage_failure(e, locale))?;
            store.set_sync_setting("account", Some(&person_json)).map_err(|e| e.to_failure(locale))?;
            store.sync_adopt_local_records().map_err(|e| e.to_failure(locale))?;
        }
        {
            let mut inner = self.inner();
            inner.session = Some(Session { server, person });
            inner.connection = SyncConnection::Online;
            inner.last_error = None;
            inner.backoff = Duration::ZERO;
            inner.retry_at = None;
        }
        self.publish(app);
        self.wake.notify_one();
        Ok(self.settings(&state))
    }

    fn connect_failure(&self, error: &ClientError, locale: Locale) -> Failure {
        let field = match error {
            ClientError::Unauthorized => "token",
            ClientError::Store(e) => return e.to_failure(locale),
            _ => "serverUrl",
        };
        invalid(vec![FieldError { field: field.into(), message: error.message(locale) }], locale)
    }

    /// Forgets the token and the account; local data and unsent changes stay.
    pub fn disconnect<R: Runtime>(&self, app: &AppHandle<R>) -> Result<(), Failure> {
        let state = app.state::<AppState>();
        {
            let mut store = lock_store(&state);
            let locale = store.locale().unwrap_or_default();
            let account = store.sync_client().map_err(|e| e.to_failure(locale))?.0.to_string();
            token::forget(&self.data_dir, &account);
            for key in ["account", "tokenStorage"] {
                store.set_sync_setting(key, None).map_err(|e| e.to_failure(locale))?;
            }
        }
        {
            let mut inner = self.inner();
            inner.session = None;
            inner.connection = SyncConnection::NotConfigured;
            inner.last_error = None;
        }
        self.publish(app);
        Ok(())
    }

    /// One exchange with the server, now (after any exchange already under way).
    pub async fn sync_now<R: Runtime>(&self, app: &AppHandle<R>) -> SyncStatus {
        let _one_at_a_time = self.exchange.lock().await;
        let Some(session) = self.inner().session.clone() else { return self.publish(app) };
        {
            let mut inner = self.inner();
            inner.syncing = true;
            inner.last_attempt = Some(Instant::now());
        }
        self.publish(app);
        let state = app.state::<AppState>();
        let result = session.server.sync(state.store(), session.person.institution_id).await;
        {
            let mut inner = self.inner();
            inner.syncing = false;
            match result {
                Ok(report) => {
                    inner.connection = SyncConnection::Online;
                    inner.last_error = None;
                    inner.backoff = Duration::ZERO;
                    inner.retry_at = None;
                    if report.received > 0 {
                        inner.revision += 1;
                    }
                    drop(inner);
                    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
                    let _ = lock_store(&state).set_sync_setting("lastSuccess", Some(&now));
                }
                Err(error) => {
                    inner.connection = match error {
                        ClientError::Unauthorized => SyncConnection::Unauthorized,
                        ClientError::Unreachable(_) => SyncConnection::Offline,
                        _ => inner.connection,
                    };
                    if error.is_transient() {
                        inner.backoff = next_backoff(inner.backoff);
                        inner.retry_at = Some(Instant::now() + inner.backoff);
                    }
                    eprintln!("plan-ouvert: sync: {error}");
                    inner.last_error = Some(error);
                }
            }
        }
        self.publish(app)
    }

    /// Whether the background loop should start an exchange now.
    fn due(&self, state: &AppState) -> bool {
        let pending = lock_store(state).sync_counts().map(|c| c.pending).unwrap_or(0);
        let inner = self.inner();
        if inner.session.is_none() || inner.connection == SyncConnection::Unauthorized {
            return false;
        }
        let now = Instant::now();
        if inner.retry_at.is_some_and(|at| now < at) {
            return false;
        }
        let since_last = inner.last_attempt.map(|at| now.duration_since(at));
        match since_last {
            None => true,
            Some(elapsed) => (pending > 0 && elapsed >= SETTLE) || elapsed >= self.interval || inner.retry_at.is_some(),
        }
    }

    /// The background loop: wakes on every change, on request, and every second to check
    /// whether an exchange is due.
    pub async fn run<R: Runtime>(app: AppHandle<R>) {
        let changes = app.state::<AppState>().changes();
        loop {
            let service = app.state::<SyncService>();
            tokio::select! {
                _ = changes.notified() => tokio::time::sleep(SETTLE).await,
                _ = service.wake.notified() => {}
                _ = tokio::time::sleep(Duration::from_secs(1)) => {}
            }
            service.publish(&app);
            if service.due(&app.state::<AppState>()) {
                service.sync_now(&app).await;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_wait_longer_after_each_failure_up_to_two_minutes() {
        let mut delay = Duration::ZERO;
        let mut seen = Vec::new();
        for _ in 0..9 {
            delay = next_backoff(delay);
            seen.push(delay.as_secs());
        }
        assert_eq!(seen, vec![2, 4, 8, 16, 32, 64, 120, 120, 120]);
    }
}
