//! Sync with the central plan API, in the background, for as long as the app runs.
//!
//! Whenever the network is there: shortly after each change, every [`DEFAULT_INTERVAL`] to
//! receive others' changes, and when the person asks. While the server cannot be reached it
//! retries with a growing delay (about 2 s, 4 s… up to two minutes, each spread by a random
//! fifth so that laptops cut off together do not all come back at the same second). A refused
//! token stops the retries until the person enters one again. Every change of what the status
//! bar shows is sent to the interface as an [`Event::SyncStatus`]. On start and after each
//! successful exchange, what became late or due soon is notified (`crate::notification`).

use std::path::Path;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use plan_ouvert_client::{normalise_address, ClientError, PullProgress, Server};
use plan_ouvert_domain::{
    ErrorCode, Failure, FieldError, Locale, SyncAccount, SyncConnectInput, SyncConnection, SyncProgress, SyncRole,
    SyncSettings, SyncStatus,
};
use plan_ouvert_store::{SavedConnection, Store};
use plan_ouvert_sync::access::Role;
use plan_ouvert_sync::protocol::Person;

use crate::laptop::{failure, Laptop};
use crate::shell::Event;
use crate::token;

/// How often to ask the server for others' changes when nothing happens here.
pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(30);
/// Overrides [`DEFAULT_INTERVAL`], in seconds (tests use a short one).
pub const INTERVAL_ENV: &str = "PLAN_OUVERT_SYNC_INTERVAL";
const MIN_BACKOFF: Duration = Duration::from_secs(2);
const MAX_BACKOFF: Duration = Duration::from_secs(120);
/// A burst of typing is sent as one exchange.
const SETTLE: Duration = Duration::from_millis(800);
/// During a long reception, open screens read what has arrived at most this often.
const REREAD: Duration = Duration::from_secs(1);

/// The delay before the next attempt after one more failure: 2 s, then doubling, at most
/// [`MAX_BACKOFF`].
fn next_backoff(previous: Duration) -> Duration {
    (previous * 2).clamp(MIN_BACKOFF, MAX_BACKOFF)
}

/// `delay` spread by up to a fifth either way; `unit` is a random number in [0, 1).
fn jittered(delay: Duration, unit: f64) -> Duration {
    delay.mul_f64(0.8 + 0.4 * unit.clamp(0.0, 1.0))
}

/// What decides when the next exchange is due.
#[derive(Debug, Clone, Copy)]
struct Schedule {
    /// A token is kept, the server has not refused it, and the person has not paused a reception.
    connected: bool,
    last_attempt: Option<Instant>,
    /// After a failure: not before then.
    retry_at: Option<Instant>,
}

impl Schedule {
    /// Due at once after connecting; after a failure, once its wait is over; otherwise shortly
    /// after a change (changes to send), or every `interval` to receive others' changes.
    fn due(self, now: Instant, pending: u32, interval: Duration) -> bool {
        if !self.connected || self.retry_at.is_some_and(|at| now < at) {
            return false;
        }
        match self.last_attempt.map(|at| now.duration_since(at)) {
            None => true,
            Some(elapsed) => (pending > 0 && elapsed >= SETTLE) || elapsed >= interval || self.retry_at.is_some(),
        }
    }
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
    /// A long reception under way, and when screens were last told to read again.
    receiving: Option<SyncProgress>,
    reread_at: Option<Instant>,
    paused: bool,
    /// Records a reception the person paused (or that failed half-way) had taken in: the one
    /// that resumes it counts on from there.
    received_before: u32,
}

/// How far a long reception stands, on the status bar: what a reception paused (or failed)
/// before it had taken in counts as received, and as part of the whole.
fn shown(progress: PullProgress, received_before: u32) -> SyncProgress {
    let clamp = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
    let before = u64::from(received_before);
    SyncProgress {
        received: clamp(before + progress.received),
        total: progress.total.map(|total| clamp(before + total)),
        seconds_left: progress.time_left().map(|left| clamp((left.as_secs_f64().round() as u64).max(1))),
    }
}

/// The sync state of the running app.
#[derive(Debug)]
pub struct SyncLoop {
    interval: Duration,
    inner: Mutex<Inner>,
    exchange: tokio::sync::Mutex<()>,
    wake: tokio::sync::Notify,
    /// Ends the exchange under way (the person paused a long reception).
    interrupt: tokio::sync::Notify,
}

fn role(role: Role) -> SyncRole {
    match role {
        Role::Drafter => SyncRole::Drafter,
        Role::Coordinator => SyncRole::Coordinator,
        Role::Reader => SyncRole::Reader,
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

fn token_failure(error: &std::io::Error, locale: Locale) -> Failure {
    tracing::error!(%error, "the token could not be kept");
    plan_ouvert_store::Error::Corrupt(error.to_string()).to_failure(locale)
}

impl SyncLoop {
    /// Reads the saved connection (address, account, token) from the store and the token store.
    pub(crate) fn open(data_dir: &Path, store: &mut Store) -> Self {
        let interval = std::env::var(INTERVAL_ENV)
            .ok()
            .and_then(|s| s.parse::<u64>().ok())
            .map(Duration::from_secs)
            .unwrap_or(DEFAULT_INTERVAL);
        let session = Self::saved_session(data_dir, store);
        let connection = if session.is_some() { SyncConnection::Offline } else { SyncConnection::NotConfigured };
        Self {
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
                receiving: None,
                reread_at: None,
                paused: false,
                received_before: 0,
            }),
            exchange: tokio::sync::Mutex::new(()),
            wake: tokio::sync::Notify::new(),
            interrupt: tokio::sync::Notify::new(),
        }
    }

    fn saved_session(data_dir: &Path, store: &mut Store) -> Option<Session> {
        let saved = store.saved_connection().ok()??;
        let account = store.sync_client().ok()?.0.to_string();
        let token = token::load(data_dir, &account, saved.token_storage)?;
        Some(Session { server: Server::new(&saved.server_url, &token).ok()?, person: saved.person })
    }

    fn inner(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// What the status bar shows now.
    pub fn status(&self, app: &Laptop) -> SyncStatus {
        let (counts, relay, last_success, server_url, locale) = {
            let store = app.lock();
            (
                store.sync_counts().unwrap_or_default(),
                store.sync_relay_pending().unwrap_or_default(),
                store.last_sync_success().ok().flatten(),
                store.sync_server_url().ok().flatten(),
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
            relay,
            last_success,
            last_error: inner.last_error.as_ref().map(|e| e.message(locale)),
            server_url: if inner.session.is_some() { server_url } else { None },
            revision: inner.revision,
            receiving: inner.receiving,
            paused: inner.paused,
        }
    }

    /// Sends the status to the interface if it changed since last sent.
    pub fn publish(&self, app: &Laptop) -> SyncStatus {
        let status = self.status(app);
        let changed = {
            let mut inner = self.inner();
            let changed = inner.last_sent.as_ref() != Some(&status);
            inner.last_sent = Some(status.clone());
            changed
        };
        if changed {
            app.emit(Event::SyncStatus(status.clone()));
        }
        status
    }

    /// Records arrived other than by sync (a workshop room's exchange): the screens read again,
    /// and the sync loop relays what now waits for the server.
    pub(crate) fn data_received(&self, app: &Laptop) {
        self.inner().revision += 1;
        self.publish(app);
        self.wake.notify_one();
    }

    pub fn settings(&self, app: &Laptop) -> SyncSettings {
        let store = app.lock();
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
                token_storage: store.saved_connection().ok().flatten().map(|c| c.token_storage),
            },
        }
    }

    /// Checks address and token against the server, then keeps them, queues this laptop's
    /// records the server has never seen, and syncs.
    pub async fn connect(&self, app: &Laptop, input: &SyncConnectInput) -> Result<SyncSettings, Failure> {
        let locale = app.locale();
        let mut problems = Vec::new();
        let address = match normalise_address(&input.server_url) {
            Ok(address) => Some(address),
            Err(error) => {
                problems.push(FieldError { field: "serverUrl".into(), message: error.message(locale) });
                None
            }
        };
        let token = input.token.trim();
        if token.is_empty() {
            let message = locale.pick(
                "Saisissez le jeton reçu de votre administrateur.",
                "Enter the token your administrator gave you.",
            );
            problems.push(FieldError { field: "token".into(), message: message.to_string() });
        }
        let Some(address) = address.filter(|_| problems.is_empty()) else {
            return Err(invalid(problems, locale));
        };
        let server = Server::new(&address, token).map_err(|e| Self::connect_failure(&e, locale))?;
        let person = server.me().await.map_err(|e| Self::connect_failure(&e, locale))?;

        let forgotten = {
            let mut store = app.lock();
            // The copy of the server's data becomes this person's; refused while the previous
            // person's changes are not all sent or resolved (said under the token).
            let forgotten = store.sync_take_account(person.id).map_err(|e| match e {
                plan_ouvert_store::Error::Unsent { .. } => {
                    invalid(vec![FieldError { field: "token".into(), message: e.to_failure(locale).message }], locale)
                }
                other => failure(&store, &other),
            })?;
            let account = store.sync_client().map_err(|e| failure(&store, &e))?.0.to_string();
            let token_storage = token::save(app.data_dir(), &account, token).map_err(|e| token_failure(&e, locale))?;
            let saved = SavedConnection { server_url: address, person: person.clone(), token_storage };
            store.save_connection(&saved).map_err(|e| failure(&store, &e))?;
            store.sync_adopt_local_records().map_err(|e| failure(&store, &e))?;
            forgotten
        };
        {
            let mut inner = self.inner();
            inner.session = Some(Session { server, person });
            inner.received_before = 0;
            inner.connection = SyncConnection::Online;
            inner.last_error = None;
            inner.backoff = Duration::ZERO;
            inner.retry_at = None;
            if forgotten {
                inner.revision += 1;
            }
        }
        self.publish(app);
        self.wake.notify_one();
        Ok(self.settings(app))
    }

    fn connect_failure(error: &ClientError, locale: Locale) -> Failure {
        let field = match error {
            ClientError::Unauthorized => "token",
            ClientError::Store(e) => return e.to_failure(locale),
            _ => "serverUrl",
        };
        invalid(vec![FieldError { field: field.into(), message: error.message(locale) }], locale)
    }

    /// Forgets the token and the account; local data and unsent changes stay.
    pub fn disconnect(&self, app: &Laptop) -> Result<(), Failure> {
        {
            let mut store = app.lock();
            let account = store.sync_client().map_err(|e| failure(&store, &e))?.0.to_string();
            token::forget(app.data_dir(), &account);
            store.forget_account().map_err(|e| failure(&store, &e))?;
        }
        {
            let mut inner = self.inner();
            inner.session = None;
            inner.received_before = 0;
            inner.connection = SyncConnection::NotConfigured;
            inner.last_error = None;
        }
        self.publish(app);
        Ok(())
    }

    /// Pauses a long reception: the exchange under way ends after the page being written (what
    /// arrived is kept), and none starts again until the person asks ([`SyncLoop::sync_now`]).
    pub fn pause(&self, app: &Laptop) -> SyncStatus {
        {
            let mut inner = self.inner();
            if inner.receiving.is_none() && !inner.paused {
                // Nothing long under way: an ordinary exchange is never interrupted.
                drop(inner);
                return self.publish(app);
            }
            inner.paused = true;
        }
        self.interrupt.notify_waiters();
        self.publish(app)
    }

    /// A page of a long reception was taken in: the status bar shows how far it stands, and open
    /// screens read what arrived (at most every [`REREAD`]).
    fn on_page(&self, app: &Laptop, progress: PullProgress) {
        {
            let mut inner = self.inner();
            inner.receiving = Some(shown(progress, inner.received_before));
            if inner.reread_at.is_none_or(|at| at.elapsed() >= REREAD) {
                inner.revision += 1;
                inner.reread_at = Some(Instant::now());
            }
        }
        self.publish(app);
    }

    /// One exchange with the server, now (after any exchange already under way), as the person
    /// asks: resumes a paused reception.
    pub async fn sync_now(&self, app: &Laptop) -> SyncStatus {
        self.inner().paused = false;
        self.exchange_once(app).await
    }

    /// One exchange with the server (after any exchange already under way).
    async fn exchange_once(&self, app: &Laptop) -> SyncStatus {
        let _one_at_a_time = self.exchange.lock().await;
        let Some(session) = self.inner().session.clone() else { return self.publish(app) };
        {
            let mut inner = self.inner();
            inner.syncing = true;
            inner.last_attempt = Some(Instant::now());
        }
        self.publish(app);
        let interrupted = self.interrupt.notified();
        let mut on_page = |progress| self.on_page(app, progress);
        let result = tokio::select! {
            result = session.server.sync_showing(app.store(), &mut on_page) => Some(result),
            () = interrupted => None,
        };
        {
            let mut inner = self.inner();
            inner.syncing = false;
            if let Some(last) = inner.receiving.take() {
                // The screens read everything that arrived.
                inner.revision += 1;
                // Ended before the last page: the exchange that resumes counts on from here.
                let resumable = !matches!(result, Some(Ok(_)));
                inner.received_before = if resumable { last.received } else { 0 };
            }
            let Some(result) = result else {
                drop(inner);
                tracing::info!("reception paused by the person");
                return self.publish(app);
            };
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
                    tracing::debug!(received = report.received, "synced");
                    if let Err(error) = app.lock().record_sync_success(chrono::Utc::now()) {
                        tracing::error!(%error, "the time of the last sync could not be kept");
                    }
                    // What arrived may be late or due soon: the person is told once.
                    app.notify_due_news();
                    app.erase_expired_identities();
                }
                Err(error) => {
                    inner.connection = match error {
                        ClientError::Unauthorized => SyncConnection::Unauthorized,
                        ClientError::Unreachable(_) => SyncConnection::Offline,
                        _ => inner.connection,
                    };
                    if error.is_transient() {
                        inner.backoff = next_backoff(inner.backoff);
                        inner.retry_at = Some(Instant::now() + jittered(inner.backoff, fastrand::f64()));
                    }
                    tracing::warn!(%error, "sync failed");
                    inner.last_error = Some(error);
                }
            }
        }
        self.publish(app)
    }

    /// Whether the background loop should start an exchange now.
    fn due(&self, app: &Laptop) -> bool {
        let pending = app.lock().sync_counts().map(|c| c.pending).unwrap_or(0);
        let inner = self.inner();
        let state = Schedule {
            connected: inner.session.is_some() && inner.connection != SyncConnection::Unauthorized && !inner.paused,
            last_attempt: inner.last_attempt,
            retry_at: inner.retry_at,
        };
        state.due(Instant::now(), pending, self.interval)
    }

    /// The background loop: wakes on every change, on request, and every second to check
    /// whether an exchange is due. It starts by notifying what is late or due soon, and by
    /// erasing the workshop participants' identities kept past their day.
    pub(crate) async fn run(&self, laptop: &Laptop) {
        laptop.notify_due_news();
        laptop.erase_expired_identities();
        loop {
            tokio::select! {
                _ = laptop.changes().notified() => tokio::time::sleep(SETTLE).await,
                _ = self.wake.notified() => {}
                _ = tokio::time::sleep(Duration::from_secs(1)) => {}
            }
            self.publish(laptop);
            if self.due(laptop) {
                self.exchange_once(laptop).await;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_resumed_reception_counts_on_from_what_arrived_before_the_pause() {
        let page = |received, total, secs| PullProgress {
            received,
            total: Some(total),
            elapsed: Duration::from_secs(secs),
            first_page: (2_000, Duration::from_secs(1)),
        };
        // A first reception: as the client says, without a time left after its first page.
        assert_eq!(
            shown(page(2_000, 90_000, 1), 0),
            SyncProgress { received: 2_000, total: Some(90_000), seconds_left: None }
        );
        // Resumed after 30,000 had arrived: 60,000 were left, 22,000 of them have come in 3 s.
        let resumed = shown(page(22_000, 60_000, 3), 30_000);
        assert_eq!((resumed.received, resumed.total), (52_000, Some(90_000)));
        assert_eq!(resumed.seconds_left, Some(4), "38,000 left at 20,000 in 2 s: 3.8 s");
        let unknown = shown(PullProgress { total: None, ..page(5, 5, 1) }, 30_000);
        assert_eq!((unknown.received, unknown.total), (30_005, None));
    }

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

    #[test]
    fn an_exchange_is_due_after_connecting_after_a_change_and_every_interval_but_not_while_waiting() {
        let start = Instant::now();
        let at = |ms: u64| start + Duration::from_millis(ms);
        let interval = Duration::from_secs(30);
        let never = Schedule { connected: true, last_attempt: None, retry_at: None };
        assert!(never.due(at(0), 0, interval), "at once after connecting");
        assert!(!Schedule { connected: false, ..never }.due(at(0), 5, interval), "not without a token");

        let synced = Schedule { connected: true, last_attempt: Some(start), retry_at: None };
        assert!(!synced.due(at(500), 1, interval), "a burst of typing is sent as one exchange");
        assert!(synced.due(at(800), 1, interval), "then the change goes");
        assert!(!synced.due(at(29_000), 0, interval), "nothing to send: wait for the interval");
        assert!(synced.due(at(30_000), 0, interval), "others' changes every interval");

        let failed = Schedule { connected: true, last_attempt: Some(start), retry_at: Some(at(4_000)) };
        assert!(!failed.due(at(3_999), 3, interval), "not before the back-off is over");
        assert!(failed.due(at(4_000), 0, interval), "and then at once, even with nothing to send");
    }

    #[test]
    fn each_wait_is_spread_by_at_most_a_fifth_either_way() {
        let delay = Duration::from_secs(10);
        assert_eq!(jittered(delay, 0.0), Duration::from_secs(8));
        assert_eq!(jittered(delay, 0.5), Duration::from_secs(10));
        assert!(jittered(delay, 0.999_999) < Duration::from_secs(12));
        assert!(jittered(delay, 0.999_999) > Duration::from_millis(11_999));
        // Two laptops drawing different numbers retry at different times.
        assert_ne!(jittered(delay, 0.1), jittered(delay, 0.9));
    }
}
