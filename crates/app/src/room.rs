//! A room from the app (`plan_ouvert_room`): this laptop opens one of its workshops, or one of
//! its jury sessions, to the room's other laptops, or joins another laptop's room and exchanges with it every few
//! seconds until it leaves. One room open and one room joined at most per laptop.
//!
//! The room serves from the laptop's own store (the same lock as the commands); what an exchange
//! brings — on the joining laptop in the answer, on the room's laptop in a joiner's file — raises
//! the sync status's `revision`, so the screens read again, and wakes the sync loop, which relays
//! the changes taken in to the server. The room reports each exchange it takes in: its screen is
//! told at once ([`Event::RoomExchange`]) how many laptops exchanged in the last
//! [`RECENT_MINUTES`] minutes, and when the last one did.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use chrono::{DateTime, SecondsFormat, Utc};
use plan_ouvert_domain::{
    ErrorCode, ExchangeImported, Failure, FieldError, Locale, RoomJoin, RoomLinkView, RoomSubject, RoomView,
};
use plan_ouvert_room::{Exchanged, OnExchange, Room, RoomError};

use crate::laptop::{internal, Laptop};
use crate::shell::Event;

/// How often a joined laptop exchanges with the room.
pub const EXCHANGE_INTERVAL: Duration = Duration::from_secs(3);
/// How far back the room's screen counts the laptops that exchanged with it.
pub const RECENT_MINUTES: u32 = 5;

/// What a room needs of the running app: its laptop, where rooms are kept, and a way to say that
/// data arrived (the screens read again, the sync loop relays it). A handle, cloned into the
/// room's background tasks.
pub(crate) trait Venue: Clone + Send + Sync + 'static {
    fn laptop(&self) -> &Laptop;
    fn rooms(&self) -> &Rooms;
    fn data_received(&self);
}

#[derive(Debug, Default)]
pub(crate) struct Rooms {
    open: Mutex<Option<OpenRoom>>,
    link: Mutex<Option<Link>>,
}

#[derive(Debug)]
struct OpenRoom {
    room: Room,
    shown_address: String,
}

impl OpenRoom {
    fn view(&self) -> RoomView {
        let attendance = self.room.attendance();
        let since = Utc::now() - chrono::Duration::minutes(RECENT_MINUTES.into());
        RoomView {
            address: self.shown_address.clone(),
            code: self.room.code.clone(),
            subject: self.room.subject,
            recent_laptops: u32::try_from(attendance.laptops_since(since)).unwrap_or(u32::MAX),
            recent_minutes: RECENT_MINUTES,
            last_exchange_at: attendance.last_exchange_at().map(rfc3339),
        }
    }
}

#[derive(Debug)]
struct Link {
    address: String,
    subject: RoomSubject,
    last_exchange_at: Option<DateTime<Utc>>,
    last_error: Option<String>,
    task: Option<tokio::task::JoinHandle<()>>,
}

fn rfc3339(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

impl Link {
    fn view(&self) -> RoomLinkView {
        RoomLinkView {
            address: self.address.clone(),
            subject: self.subject,
            last_exchange_at: self.last_exchange_at.map(rfc3339),
            last_error: self.last_error.clone(),
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A refused exchange for the person: next to the field it is about when it is one.
fn room_failure(error: &RoomError, locale: Locale) -> Failure {
    let message = error.message(locale);
    let field = match error {
        RoomError::BadAddress | RoomError::Unreachable(_) => Some("address"),
        RoomError::WrongCode | RoomError::Locked => Some("code"),
        RoomError::Refused(_) => None,
    };
    Failure {
        code: ErrorCode::Validation,
        fields: field.map(|field| FieldError { field: field.into(), message: message.clone() }).into_iter().collect(),
        message,
    }
}

/// Whether an exchange brought anything the screens do not show yet.
fn brought_something(imported: &ExchangeImported) -> bool {
    !imported.already && (imported.records_added > 0 || imported.changes_applied > 0)
}

/// What the room's laptop does on each exchange the room takes in: the screens read again when
/// it brought something, and the room's screen is told where the room stands.
fn on_exchange(app: impl Venue) -> OnExchange {
    Arc::new(move |exchanged: &Exchanged| {
        if brought_something(&exchanged.imported) {
            app.data_received();
        }
        if let Some(view) = get(&app) {
            app.laptop().emit(Event::RoomExchange(view));
        }
    })
}

/// Opens `subject` — a workshop, or a jury session — to the room's laptops (closing the room
/// open before, if any).
pub(crate) async fn open<V: Venue>(app: &V, subject: RoomSubject) -> Result<RoomView, Failure> {
    app.laptop().run(|store| plan_ouvert_room::find(store, subject))?;
    close(app).await;
    let locale = app.laptop().locale();
    let bind = SocketAddr::from(([0, 0, 0, 0], 0));
    let store = app.laptop().shared_store();
    let room = Room::open(store, subject, bind, locale, on_exchange(app.clone())).await.map_err(|e| internal(&e))?;
    let shown_address = format!("{}:{}", plan_ouvert_room::local_address(), room.address.port());
    tracing::info!(address = %shown_address, "opened a workshop room");
    let open = OpenRoom { room, shown_address };
    let view = open.view();
    *lock(&app.rooms().open) = Some(open);
    Ok(view)
}

/// The room open on this laptop, if any.
pub(crate) fn get(app: &impl Venue) -> Option<RoomView> {
    lock(&app.rooms().open).as_ref().map(OpenRoom::view)
}

/// Closes the room open here, if any: the others' next exchange finds nobody, nothing is lost.
pub(crate) async fn close(app: &impl Venue) {
    let open = lock(&app.rooms().open).take();
    if let Some(open) = open {
        open.room.close().await;
        tracing::info!("closed the workshop room");
    }
}

/// One exchange with the room joined; records its outcome in the link. `None` when the link
/// was left (or replaced) meanwhile.
async fn exchange_once(
    app: &impl Venue,
    http: &reqwest::Client,
    address: SocketAddr,
    code: &str,
    subject: Option<RoomSubject>,
) -> Result<ExchangeImported, RoomError> {
    let locale = app.laptop().locale();
    let result = plan_ouvert_room::exchange(http, address, code, app.laptop().store(), subject, locale).await;
    if let Ok(imported) = &result {
        if brought_something(imported) {
            app.data_received();
        }
    }
    result
}

/// Joins the room at `address` with its `code`: one exchange now (refused with the reason next
/// to its field), then one every few seconds until [`leave`]. `subject` is `None` when this
/// laptop does not have the room's workshop or jury yet: the room sends it.
pub(crate) async fn join<V: Venue>(
    app: &V,
    subject: Option<RoomSubject>,
    address: &str,
    code: &str,
) -> Result<RoomJoin, Failure> {
    let locale = app.laptop().locale();
    let socket = plan_ouvert_room::parse_address(address).map_err(|e| room_failure(&e, locale))?;
    leave(app);
    let http = reqwest::Client::new();
    // A subject this laptop does not have: the exchange sends its unsent changes instead, and
    // the answer brings the room's.
    let imported = exchange_once(app, &http, socket, code, subject).await.map_err(|e| room_failure(&e, locale))?;
    let Some(subject) = RoomSubject::of(&imported).or(subject) else {
        let refused = RoomError::Refused(
            locale.pick("La salle n'a envoyé ni atelier ni jury.", "The room sent no workshop nor jury.").into(),
        );
        return Err(room_failure(&refused, locale));
    };
    let link = Link {
        address: address.trim().to_string(),
        subject,
        last_exchange_at: Some(Utc::now()),
        last_error: None,
        task: None,
    };
    let view = link.view();
    *lock(&app.rooms().link) = Some(link);
    let background = app.clone();
    let code = code.trim().to_string();
    let task = tokio::spawn(async move {
        loop {
            tokio::time::sleep(EXCHANGE_INTERVAL).await;
            let result = exchange_once(&background, &http, socket, &code, Some(subject)).await;
            let mut link = lock(&background.rooms().link);
            let Some(link) = link.as_mut() else { return };
            match result {
                Ok(_) => {
                    link.last_exchange_at = Some(Utc::now());
                    link.last_error = None;
                }
                Err(error) => {
                    tracing::debug!(%error, "a room exchange failed");
                    link.last_error = Some(error.message(background.laptop().locale()));
                }
            }
        }
    });
    match lock(&app.rooms().link).as_mut() {
        Some(link) => link.task = Some(task),
        None => task.abort(),
    }
    Ok(RoomJoin { imported, link: view })
}

/// Where the link with the room joined stands, if one is.
pub(crate) fn link(app: &impl Venue) -> Option<RoomLinkView> {
    lock(&app.rooms().link).as_ref().map(Link::view)
}

/// Stops exchanging with the room joined; this laptop keeps everything it has.
pub(crate) fn leave(app: &impl Venue) {
    if let Some(link) = lock(&app.rooms().link).take() {
        if let Some(task) = link.task {
            task.abort();
        }
    }
}
