//! A workshop room without internet: one laptop opens the workshop on the room's local network
//! ([`Room::open`]), and shows its address and a short code; the others join with them and
//! exchange with it every few seconds ([`exchange`]). An exchange is the exchange file of the
//! workshop both ways (`plan_ouvert_store::exchange`, `plan_ouvert_sync::bundle`): the joining
//! laptop sends its file, the room takes it in and answers with its own, which the joining laptop
//! takes in. So contributions typed anywhere appear on the room's laptop within seconds, and on
//! the others after their next exchange. A citizen jury's session is opened the same way
//! ([`RoomSubject::Jury`]): its jurors score on several laptops and the sheets meet on the
//! room's, where the ranking follows. Every guarantee of exchange files holds — taken in once,
//! in any order, all or nothing, who the participants are only within the institution, and each
//! laptop's changes reach the central plan API once, whichever laptop syncs first.
//!
//! A room that disappears (its laptop closed, the network cut) loses nothing: each laptop keeps
//! its own work, and the next exchange — with the room reopened, or the central API's sync —
//! carries it.
//!
//! The room reports each exchange it takes in ([`Exchanged`]: which laptop, when, what it brought)
//! to whoever opened it, and keeps each laptop's last exchange ([`Attendance`]), so that its
//! screen can say how many laptops exchanged lately and notice new data as it arrives, with no
//! watching of the store.
//!
//! The code keeps out laptops of the room next door: six digits drawn from the system's secure
//! random source, compared in constant time, and after [`MAX_WRONG_CODES`] wrong codes the room
//! refuses every exchange for a minute.

use std::collections::BTreeMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use chrono::{DateTime, Utc};
use plan_ouvert_domain::{ExchangeImported, ExchangeScope, Locale, RoomSubject};
use plan_ouvert_store::Store;
pub use plan_ouvert_sync::protocol::ClientId;

/// The header that carries the room's code.
pub const CODE_HEADER: &str = "x-plan-ouvert-room";
/// The path of an exchange.
pub const EXCHANGE_PATH: &str = "/room/exchange";
/// Wrong codes tolerated before the room closes its door for a minute.
pub const MAX_WRONG_CODES: u32 = 10;
/// The largest exchange file taken (the whole unsent work of a laptop fits).
pub const MAX_BYTES: usize = 64 * 1024 * 1024;

/// Why an exchange with a room did not happen.
#[derive(Debug, thiserror::Error)]
pub enum RoomError {
    /// The room cannot be reached (closed, another network, a wrong address).
    #[error("the room cannot be reached: {0}")]
    Unreachable(String),
    /// The code is not the room's.
    #[error("wrong room code")]
    WrongCode,
    /// Too many wrong codes: the room waits a minute.
    #[error("too many wrong codes")]
    Locked,
    /// The room, or this laptop, refused the other's file (its message, in the person's language).
    #[error("exchange refused: {0}")]
    Refused(String),
    /// The address typed is not one.
    #[error("not a room address")]
    BadAddress,
}

impl RoomError {
    pub fn message(&self, locale: Locale) -> String {
        match (self, locale) {
            (RoomError::Unreachable(_), Locale::Fr) => "La salle ne répond pas : vérifiez l'adresse et que les deux ordinateurs sont sur le même réseau. Votre travail reste sur ce poste ; il sera échangé dès que la salle répondra.".into(),
            (RoomError::Unreachable(_), Locale::En) => "The room does not answer: check the address and that both computers are on the same network. Your work stays on this computer; it will be exchanged as soon as the room answers.".into(),
            (RoomError::WrongCode, Locale::Fr) => "Ce code n'est pas celui de la salle : recopiez le code à six chiffres affiché sur l'ordinateur de la salle.".into(),
            (RoomError::WrongCode, Locale::En) => "This is not the room's code: copy the six-digit code shown on the room's computer.".into(),
            (RoomError::Locked, Locale::Fr) => "Trop de codes erronés : la salle n'accepte plus d'échange pendant une minute.".into(),
            (RoomError::Locked, Locale::En) => "Too many wrong codes: the room accepts no exchange for a minute.".into(),
            (RoomError::Refused(message), _) => message.clone(),
            (RoomError::BadAddress, Locale::Fr) => "Adresse de salle incorrecte : tapez-la comme elle est affichée, par exemple 192.168.1.20:7878.".into(),
            (RoomError::BadAddress, Locale::En) => "Not a room address: type it as shown, for instance 192.168.1.20:7878.".into(),
        }
    }
}

/// Six digits from the system's secure random source.
fn new_code() -> String {
    let mut bytes = [0u8; 4];
    // Without a random source there is no safe code: a fixed one would let anyone in.
    getrandom::fill(&mut bytes).expect("the system's random source");
    format!("{:06}", u32::from_le_bytes(bytes) % 1_000_000)
}

/// Whether two codes are the same, in a time that does not depend on where they differ.
fn same_code(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The address of this laptop on the network a room's laptops share (the interface its traffic
/// would leave by; no packet is sent), or loopback when there is none.
pub fn local_address() -> IpAddr {
    let probe = std::net::UdpSocket::bind("0.0.0.0:0").and_then(|socket| {
        socket.connect("192.0.2.1:9")?;
        socket.local_addr()
    });
    match probe {
        Ok(address) if !address.ip().is_unspecified() => address.ip(),
        _ => IpAddr::from([127, 0, 0, 1]),
    }
}

/// An exchange the room took in: a joining laptop's file, taken in here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exchanged {
    /// The laptop that wrote the file (its sync identity, as the file gives it).
    pub laptop: ClientId,
    /// When the room took it in, by this laptop's clock.
    pub at: DateTime<Utc>,
    /// What it brought.
    pub imported: ExchangeImported,
}

/// Who is told of each exchange the room takes in, once each, after it is taken in (the store
/// unlocked).
pub type OnExchange = Arc<dyn Fn(&Exchanged) + Send + Sync>;

/// The laptops that exchanged with a room, each at its last exchange.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attendance {
    last: BTreeMap<ClientId, DateTime<Utc>>,
}

impl Attendance {
    /// Notes an exchange of `laptop` at `at`.
    pub fn record(&mut self, laptop: ClientId, at: DateTime<Utc>) {
        let last = self.last.entry(laptop).or_insert(at);
        *last = (*last).max(at);
    }

    /// How many laptops exchanged at `since` or after (a laptop exchanging often counts once).
    pub fn laptops_since(&self, since: DateTime<Utc>) -> usize {
        self.last.values().filter(|at| **at >= since).count()
    }

    /// When the last exchange was, if any was.
    pub fn last_exchange_at(&self) -> Option<DateTime<Utc>> {
        self.last.values().max().copied()
    }
}

struct Door {
    wrong: u32,
    locked_until: Option<Instant>,
}

struct Shared {
    store: Arc<Mutex<Store>>,
    subject: RoomSubject,
    code: String,
    locale: Locale,
    door: Mutex<Door>,
    attendance: Mutex<Attendance>,
    on_exchange: OnExchange,
}

/// An open room, until dropped or closed.
#[derive(Debug)]
pub struct Room {
    /// Where the others join (address and port).
    pub address: SocketAddr,
    /// The code they type.
    pub code: String,
    /// The workshop or jury session exchanged.
    pub subject: RoomSubject,
    shared: Arc<Shared>,
    task: Option<tokio::task::JoinHandle<()>>,
}

impl std::fmt::Debug for Shared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shared").field("subject", &self.subject).finish_non_exhaustive()
    }
}

impl Room {
    /// Opens `subject` (a workshop, or a jury session) to the laptops of the room on `bind`
    /// (port 0: any free one), serving
    /// from `store`; `on_exchange` is told of each exchange taken in. Must be called within a
    /// tokio runtime.
    pub async fn open(
        store: Arc<Mutex<Store>>,
        subject: RoomSubject,
        bind: SocketAddr,
        locale: Locale,
        on_exchange: OnExchange,
    ) -> std::io::Result<Room> {
        let listener = tokio::net::TcpListener::bind(bind).await?;
        let address = listener.local_addr()?;
        let code = new_code();
        let shared = Arc::new(Shared {
            store,
            subject,
            code: code.clone(),
            locale,
            door: Mutex::new(Door { wrong: 0, locked_until: None }),
            attendance: Mutex::new(Attendance::default()),
            on_exchange,
        });
        let app = Router::new()
            .route(EXCHANGE_PATH, post(take_exchange))
            .layer(DefaultBodyLimit::max(MAX_BYTES))
            .with_state(Arc::clone(&shared));
        let task = tokio::spawn(async move {
            if let Err(error) = axum::serve(listener, app).await {
                tracing::warn!(%error, "the room stopped");
            }
        });
        Ok(Room { address, code, subject, shared, task: Some(task) })
    }

    /// The laptops that exchanged with this room so far, each at its last exchange.
    pub fn attendance(&self) -> Attendance {
        lock(&self.shared.attendance).clone()
    }

    /// Closes the room: the others' next exchange finds nobody; nothing is lost.
    pub async fn close(mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
            let _ = task.await;
        }
    }
}

impl Drop for Room {
    fn drop(&mut self) {
        if let Some(task) = &self.task {
            task.abort();
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// One exchange: the joining laptop's file in, the room's file out.
async fn take_exchange(State(room): State<Arc<Shared>>, headers: HeaderMap, body: Bytes) -> Response {
    {
        let mut door = lock(&room.door);
        if door.locked_until.is_some_and(|until| Instant::now() < until) {
            return (StatusCode::TOO_MANY_REQUESTS, RoomError::Locked.message(room.locale)).into_response();
        }
        let given = headers.get(CODE_HEADER).and_then(|v| v.to_str().ok()).unwrap_or("");
        if !same_code(given, &room.code) {
            door.wrong += 1;
            if door.wrong >= MAX_WRONG_CODES {
                door.wrong = 0;
                door.locked_until = Some(Instant::now() + Duration::from_secs(60));
            }
            return (StatusCode::UNAUTHORIZED, RoomError::WrongCode.message(room.locale)).into_response();
        }
        door.wrong = 0;
    }
    let room = Arc::clone(&room);
    let answer = tokio::task::spawn_blocking(move || {
        let (taken, answer) = {
            let mut store = lock(&room.store);
            let (imported, laptop) = store
                .import_exchange_from(&body, room.locale)
                .map_err(|error| error.to_failure(room.locale).message)?;
            let answer = store
                .write_exchange(room.subject.scope(), true)
                .map(|(bytes, _)| bytes)
                .map_err(|error| error.to_failure(room.locale).message);
            (Exchanged { laptop, at: Utc::now(), imported }, answer)
        };
        // Taken in, whatever the answer: the laptop exchanged, and its data is here.
        lock(&room.attendance).record(taken.laptop, taken.at);
        (room.on_exchange)(&taken);
        answer
    })
    .await;
    match answer {
        Ok(Ok(bytes)) => (StatusCode::OK, bytes).into_response(),
        Ok(Err(message)) => (StatusCode::UNPROCESSABLE_ENTITY, message).into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// Whether this laptop holds `subject`: `NotFound` when it does not.
pub fn find(store: &Store, subject: RoomSubject) -> Result<(), plan_ouvert_store::Error> {
    match subject {
        RoomSubject::Workshop { workshop_id } => store.workshop(workshop_id).map(|_| ()),
        RoomSubject::Jury { session_id } => store.jury_session(session_id).map(|_| ()),
    }
}

/// Reads a room's address as shown on its screen (`192.168.1.20:7878`).
pub fn parse_address(text: &str) -> Result<SocketAddr, RoomError> {
    text.trim().parse().map_err(|_| RoomError::BadAddress)
}

/// One exchange with the room at `address`: this laptop's file of `subject` sent, the room's
/// taken in. Resolves to what was taken in here.
pub async fn exchange(
    http: &reqwest::Client,
    address: SocketAddr,
    code: &str,
    store: &Mutex<Store>,
    subject: Option<RoomSubject>,
    locale: Locale,
) -> Result<ExchangeImported, RoomError> {
    let mine = {
        let mut store = lock(store);
        // A laptop joining for the first time has nothing of the workshop (or jury) yet: it
        // sends its unsent changes, if any, and receives the room's.
        let scope = match subject.map(|subject| (subject, find(&store, subject))) {
            Some((subject, Ok(()))) => subject.scope(),
            None | Some((_, Err(plan_ouvert_store::Error::NotFound(_)))) => ExchangeScope::Unsent,
            Some((_, Err(error))) => return Err(RoomError::Refused(error.to_failure(locale).message)),
        };
        store.write_exchange(scope, true).map_err(|e| RoomError::Refused(e.to_failure(locale).message))?.0
    };
    let response = http
        .post(format!("http://{address}{EXCHANGE_PATH}"))
        .header(CODE_HEADER, code.trim())
        .body(mine)
        .timeout(Duration::from_secs(30))
        .send()
        .await
        .map_err(|e| RoomError::Unreachable(e.to_string()))?;
    let status = response.status();
    let body = response.bytes().await.map_err(|e| RoomError::Unreachable(e.to_string()))?;
    match status {
        StatusCode::OK => {
            lock(store).import_exchange(&body, locale).map_err(|e| RoomError::Refused(e.to_failure(locale).message))
        }
        StatusCode::UNAUTHORIZED => Err(RoomError::WrongCode),
        StatusCode::TOO_MANY_REQUESTS => Err(RoomError::Locked),
        _ => Err(RoomError::Refused(String::from_utf8_lossy(&body).into_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_six_digits_and_compared_whole() {
        let code = new_code();
        assert_eq!(code.len(), 6);
        assert!(code.bytes().all(|b| b.is_ascii_digit()));
        assert!(same_code("042917", "042917"));
        assert!(!same_code("042917", "042918") && !same_code("042917", "04291") && !same_code("", "042917"));
        assert!(parse_address(" 192.168.1.20:7878 ").is_ok());
        assert!(matches!(parse_address("salle 204"), Err(RoomError::BadAddress)));
    }
}
