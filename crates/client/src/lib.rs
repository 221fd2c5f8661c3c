//! The app's side of the conversation with the central plan API.
//!
//! One exchange ([`Server::sync`]) pushes the outbox, oldest first, in batches, taking in each
//! answer before sending the next batch, then pulls what changed since the store's cursor. Each
//! answer is taken in by the store in one transaction, so a crash at any point loses nothing:
//! unacknowledged mutations are sent again and the server answers a replay with the outcome it
//! stored. The store's lock is never held while waiting for the network.
//!
//! Evidence files go up before the reports that name them (the server refuses a report whose
//! files it does not hold whole) and come down after the pull, for the reports this laptop holds;
//! both in chunks, each resumed from where the other side stands, so a transfer cut off loses at
//! most one chunk.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use plan_ouvert_domain::Locale;
use plan_ouvert_store::Store;
use plan_ouvert_sync::files::{self, FileState, Received};
use plan_ouvert_sync::protocol::{
    Me, Person, PullRequest, PullResponse, PushRequest, PushResponse, RecordKey, PROTOCOL_VERSION,
};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Why an exchange with the server failed.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// The address is not an http(s) URL.
    #[error("bad server address")]
    BadAddress,
    /// A plain `http://` address of another computer: the token would cross the network
    /// unencrypted.
    #[error("plain http to another computer")]
    PlainHttp,
    /// No answer (network down, server stopped, wrong host or port).
    #[error("server unreachable: {0}")]
    Unreachable(String),
    /// The token is unknown or revoked.
    #[error("token refused")]
    Unauthorized,
    /// Something answered, but not a Plan ouvert server.
    #[error("not a Plan ouvert server: {0}")]
    NotAPlanServer(String),
    /// The server speaks another protocol version.
    #[error("protocol {supported} expected by the server")]
    Outdated { supported: String },
    /// The server refused the request or failed.
    #[error("server error {status}: {message}")]
    Server { status: u16, message: String },
    /// The local store failed.
    #[error("local store: {0}")]
    Store(#[from] plan_ouvert_store::Error),
    /// The exchange ended with changes the server did not take yet (it lost part of its history
    /// and this laptop is catching up, or an earlier change is missing on its side).
    #[error("{pending} changes not taken by the server yet")]
    NotTaken { pending: u32 },
}

impl ClientError {
    /// The reason, for the person, in the interface's language.
    pub fn message(&self, locale: Locale) -> String {
        match self {
            ClientError::BadAddress => locale
                .pick(
                    "Saisissez une adresse commençant par http:// ou https://.",
                    "Enter an address starting with http:// or https://.",
                )
                .to_string(),
            ClientError::PlainHttp => locale
                .pick(
                    "Pour protéger votre jeton, utilisez une adresse https:// : http:// n'est accepté que pour un serveur sur ce poste (localhost, 127.0.0.1).",
                    "To protect your token, use an https:// address: http:// is accepted only for a server on this computer (localhost, 127.0.0.1).",
                )
                .to_string(),
            ClientError::Unreachable(_) => locale
                .pick(
                    "Le serveur ne répond pas à cette adresse. Vérifiez l'adresse et votre connexion.",
                    "No server answers at this address. Check the address and your connection.",
                )
                .to_string(),
            ClientError::Unauthorized => locale
                .pick(
                    "Ce jeton n'est pas reconnu par le serveur (erreur de saisie ou jeton révoqué).",
                    "The server does not recognise this token (typo or revoked token).",
                )
                .to_string(),
            ClientError::NotAPlanServer(_) => locale
                .pick(
                    "Cette adresse ne répond pas comme un serveur Plan ouvert. Vérifiez l'adresse.",
                    "This address does not answer like a Plan ouvert server. Check the address.",
                )
                .to_string(),
            ClientError::Outdated { .. } => locale
                .pick(
                    "Le serveur attend une version plus récente de Plan ouvert : mettez l'application à jour.",
                    "The server expects a newer version of Plan ouvert: update the app.",
                )
                .to_string(),
            ClientError::Server { message, .. } => match locale {
                Locale::Fr => format!("Le serveur a refusé la demande : {message}"),
                Locale::En => format!("The server refused the request: {message}"),
            },
            ClientError::Store(error) => error.to_failure(locale).message,
            ClientError::NotTaken { pending } => match locale {
                Locale::Fr => format!(
                    "{} pas encore pris par le serveur : nouvel essai dans un instant. Rien n'est perdu, elles restent sur cet ordinateur.",
                    if *pending == 1 { "1 modification".to_string() } else { format!("{pending} modifications") }
                ),
                Locale::En => format!(
                    "{} not taken by the server yet: trying again shortly. Nothing is lost, they stay on this computer.",
                    if *pending == 1 { "1 change".to_string() } else { format!("{pending} changes") }
                ),
            },
        }
    }

    /// Whether retrying later may help (the network or the server), as opposed to something a
    /// person must fix (the token, the address, the app's version).
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            ClientError::Unreachable(_) | ClientError::Server { status: 500.., .. } | ClientError::NotTaken { .. }
        )
    }
}

/// What one exchange did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SyncReport {
    /// Mutations the server answered.
    pub acknowledged: usize,
    /// Records written locally from the server's answers.
    pub received: usize,
    /// Bytes of the pull answer.
    pub pulled_bytes: usize,
    /// Time spent waiting for pull answers (the server's answer, the transfer and the parsing
    /// that writing the previous page did not cover), and time the store spent taking them in.
    pub pull_waited: Duration,
    pub pull_stored: Duration,
    /// Bytes of evidence files sent and received.
    pub file_bytes_sent: u64,
    pub file_bytes_received: u64,
    /// Other laptops' changes (from exchange files) the server now holds.
    pub relayed: usize,
}

/// How many times a file whose bytes did not hash to its name is sent or fetched again in one
/// exchange before giving up until the next one.
const CORRUPT_RETRIES: u32 = 2;

/// A central plan API, with the token of the person using this app.
#[derive(Debug, Clone)]
pub struct Server {
    base: String,
    token: String,
    http: reqwest::Client,
    /// Whether pull answers are asked for gzip-compressed (the default).
    compress: bool,
}

/// Normalises what a person typed as the server's address. The token travels with every request,
/// so plain `http://` is accepted only for a server on this computer (loopback).
pub fn normalise_address(address: &str) -> Result<String, ClientError> {
    let address = address.trim().trim_end_matches('/');
    let url = reqwest::Url::parse(address).map_err(|_| ClientError::BadAddress)?;
    let host = url.host_str().filter(|h| !h.is_empty()).ok_or(ClientError::BadAddress)?;
    if address.contains(char::is_whitespace) {
        return Err(ClientError::BadAddress);
    }
    match url.scheme() {
        "https" => Ok(address.to_string()),
        "http" if is_loopback(host) => Ok(address.to_string()),
        "http" => Err(ClientError::PlainHttp),
        _ => Err(ClientError::BadAddress),
    }
}

/// `localhost`, `127.x.x.x` or `[::1]`.
fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost") || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

fn lock(store: &Mutex<Store>) -> std::sync::MutexGuard<'_, Store> {
    store.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[derive(serde::Deserialize)]
struct ErrorBody {
    code: String,
    message: String,
}

impl Server {
    pub fn new(address: &str, token: &str) -> Result<Self, ClientError> {
        let base = normalise_address(address)?;
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .timeout(Duration::from_secs(300))
            .build()
            .map_err(|e| ClientError::Unreachable(e.to_string()))?;
        Ok(Self { base, token: token.trim().to_string(), http, compress: true })
    }

    /// The same server, asked for its pull answers as they are, uncompressed (the benchmark's
    /// comparison; loopback gains nothing from compression).
    pub fn without_compression(mut self) -> Self {
        self.compress = false;
        self
    }

    pub fn address(&self) -> &str {
        &self.base
    }

    /// The answer's value, and how many bytes crossed the network for it (compressed, if it was).
    async fn decode<T: DeserializeOwned>(response: reqwest::Response) -> Result<(T, usize), ClientError> {
        let status = response.status();
        let gzip = response
            .headers()
            .get(reqwest::header::CONTENT_ENCODING)
            .is_some_and(|encoding| encoding.as_bytes().eq_ignore_ascii_case(b"gzip"));
        let wire = response.bytes().await.map_err(|e| ClientError::Unreachable(e.to_string()))?;
        let received = wire.len();
        let bytes = if gzip {
            let mut plain = Vec::with_capacity(wire.len() * 8);
            std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&wire[..]), &mut plain)
                .map_err(|e| ClientError::Unreachable(format!("compressed answer cut short: {e}")))?;
            plain.into()
        } else {
            wire
        };
        // A partly refused push (403) still carries every outcome.
        if status.is_success() || status == reqwest::StatusCode::FORBIDDEN {
            if let Ok(value) = serde_json::from_slice::<T>(&bytes) {
                return Ok((value, received));
            }
        }
        let body: Option<ErrorBody> = serde_json::from_slice(&bytes).ok();
        Err(match (status.as_u16(), body) {
            (401, Some(_)) => ClientError::Unauthorized,
            (409, Some(body)) if body.code == "unsupportedProtocol" => {
                ClientError::Outdated { supported: body.message }
            }
            (_, Some(body)) => ClientError::Server { status: status.as_u16(), message: body.message },
            (status, None) => ClientError::NotAPlanServer(format!("HTTP {status}")),
        })
    }

    async fn post<B: Serialize, T: DeserializeOwned>(&self, path: &str, body: &B) -> Result<(T, usize), ClientError> {
        let mut request = self.http.post(format!("{}{path}", self.base)).bearer_auth(&self.token).json(body);
        if self.compress {
            request = request.header(reqwest::header::ACCEPT_ENCODING, "gzip");
        }
        let response = request.send().await.map_err(|e| ClientError::Unreachable(e.to_string()))?;
        Self::decode(response).await
    }

    /// A `GET` of `path` with the token.
    async fn get(&self, path: &str) -> Result<reqwest::Response, ClientError> {
        self.http
            .get(format!("{}{path}", self.base))
            .bearer_auth(&self.token)
            .send()
            .await
            .map_err(|e| ClientError::Unreachable(e.to_string()))
    }

    /// Who the token belongs to: checks address and token at once.
    pub async fn me(&self) -> Result<Person, ClientError> {
        let response = self.get("/api/me").await?;
        let (me, _): (Me, _) = Self::decode(response).await?;
        if me.protocol != PROTOCOL_VERSION {
            return Err(ClientError::Outdated { supported: me.protocol.to_string() });
        }
        Ok(me.person)
    }

    pub async fn push(&self, request: &PushRequest) -> Result<PushResponse, ClientError> {
        Ok(self.post("/api/sync/push", request).await?.0)
    }

    pub async fn pull(&self, request: &PullRequest) -> Result<(PullResponse, usize), ClientError> {
        self.post("/api/sync/pull", request).await
    }

    /// Where an evidence file stands on the server; `None` when it has nothing of it.
    pub async fn file_state(&self, sha256: &str) -> Result<Option<FileState>, ClientError> {
        let response = self.get(&format!("/api/files/{sha256}")).await?;
        if response.status() == reqwest::StatusCode::NOT_FOUND {
            return Ok(None);
        }
        Ok(Some(Self::decode(response).await?.0))
    }

    /// Sends one chunk of an evidence file.
    pub async fn upload_chunk(
        &self,
        sha256: &str,
        size: u64,
        offset: u64,
        bytes: Vec<u8>,
    ) -> Result<Received, ClientError> {
        let response = self
            .http
            .put(format!("{}/api/files/{sha256}?size={size}&offset={offset}", self.base))
            .bearer_auth(&self.token)
            .header(reqwest::header::CONTENT_TYPE, "application/octet-stream")
            .body(bytes)
            .send()
            .await
            .map_err(|e| ClientError::Unreachable(e.to_string()))?;
        Ok(Self::decode(response).await?.0)
    }

    /// Fetches one chunk of a complete evidence file from `offset`: its bytes and the file's
    /// size; `None` when the server does not hold it whole or the person may not read it.
    pub async fn download_chunk(&self, sha256: &str, offset: u64) -> Result<Option<(Vec<u8>, u64)>, ClientError> {
        let response = self.get(&format!("/api/files/{sha256}/content?offset={offset}")).await?;
        if response.status() == reqwest::StatusCode::NOT_FOUND {
            return Ok(None);
        }
        if !response.status().is_success() {
            return Err(Self::decode::<serde_json::Value>(response)
                .await
                .err()
                .unwrap_or(ClientError::NotAPlanServer("file".into())));
        }
        let size = response
            .headers()
            .get("x-file-size")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| ClientError::NotAPlanServer("no x-file-size".into()))?;
        let bytes = response.bytes().await.map_err(|e| ClientError::Unreachable(e.to_string()))?;
        Ok(Some((bytes.to_vec(), size)))
    }

    /// Sends the files the pending reports name that the server does not hold whole, each from
    /// where its upload stands there. Returns the bytes sent.
    pub async fn upload_files(&self, store: &Mutex<Store>) -> Result<u64, ClientError> {
        let mut sent = 0;
        let files_to_upload = lock(store).files_to_upload()?;
        for file in files_to_upload {
            let mut offset = match self.file_state(&file.sha256).await? {
                Some(state) if state.complete => continue,
                Some(state) => state.received,
                None => 0,
            };
            let mut corrupt = 0;
            loop {
                let chunk = lock(store).read_evidence_chunk(&file.sha256, offset, files::CHUNK)?;
                sent += chunk.len() as u64;
                match self.upload_chunk(&file.sha256, file.size, offset, chunk).await? {
                    Received::Written { state } | Received::Elsewhere { state } if state.complete => break,
                    Received::Written { state } | Received::Elsewhere { state } => offset = state.received,
                    Received::Corrupt if corrupt < CORRUPT_RETRIES => {
                        corrupt += 1;
                        offset = 0;
                    }
                    Received::Corrupt | Received::Refused => {
                        return Err(ClientError::Server {
                            status: 400,
                            message: format!("file {} refused", file.sha256),
                        })
                    }
                }
            }
        }
        Ok(sent)
    }

    /// Fetches the files the reports held here name and this laptop lacks, each resumed from
    /// what already arrived. A file the server does not hold (yet) is left for the next exchange.
    /// Returns the bytes received.
    pub async fn download_files(&self, store: &Mutex<Store>) -> Result<u64, ClientError> {
        let mut received = 0;
        let files_to_download = lock(store).files_to_download()?;
        for file in files_to_download {
            let mut offset = file.received;
            let mut corrupt = 0;
            while let Some((bytes, size)) = self.download_chunk(&file.sha256, offset).await? {
                received += bytes.len() as u64;
                let taken = lock(store).receive_evidence_chunk(&file.sha256, size, offset, &bytes)?;
                match taken {
                    Received::Written { state } | Received::Elsewhere { state } if state.complete => break,
                    Received::Written { state } | Received::Elsewhere { state } => offset = state.received,
                    Received::Corrupt if corrupt < CORRUPT_RETRIES => {
                        corrupt += 1;
                        offset = 0;
                    }
                    Received::Corrupt | Received::Refused => break,
                }
            }
        }
        Ok(received)
    }

    /// One exchange: the whole outbox up, then what changed down, again while the laptop is
    /// catching up with a server restored from a backup (what it lost is then sent again). Ends
    /// with [`ClientError::NotTaken`] when changes remain that the server did not take: the app
    /// never reports a sync that did not happen.
    pub async fn sync(&self, store: &Mutex<Store>) -> Result<SyncReport, ClientError> {
        self.sync_showing(store, &mut |_| {}).await
    }

    /// [`Server::sync`], telling `on_progress` after each page of a long pull (one that does not
    /// fit in one answer: a first sync) how far it stands.
    pub async fn sync_showing(
        &self,
        store: &Mutex<Store>,
        on_progress: &mut (dyn FnMut(PullProgress) + Send),
    ) -> Result<SyncReport, ClientError> {
        let mut report = SyncReport::default();
        for _round in 0..4 {
            report.file_bytes_sent += self.upload_files(store).await?;
            loop {
                let Some(request) = lock(store).sync_push_request()? else { break };
                let response = self.push(&request).await?;
                report.acknowledged += response.results.len();
                report.received += lock(store).sync_apply_push(&response)?;
                if response.results.is_empty() || request.mutations.is_empty() {
                    // Nothing taken: the server lost part of its history, or another laptop uses
                    // this one's identity (both now handled by the store), or an earlier change
                    // is missing on its side. The pull below tells more.
                    break;
                }
            }
            // Other laptops' changes carried here in exchange files, under their own identity: what
            // the server does not take now (refused to this person, or an earlier change of
            // theirs missing) waits for the next sync or for their own laptop.
            let relays = lock(store).sync_relay_requests()?;
            for request in relays {
                let response = self.push(&request).await?;
                report.relayed += lock(store).sync_apply_relay(&request, &response)?;
            }
            self.pull_pages(store, &mut report, on_progress).await?;
            let counts = lock(store).sync_counts()?;
            if counts.pending == 0 && !lock(store).sync_rejoining()? {
                report.file_bytes_received += self.download_files(store).await?;
                return Ok(report);
            }
        }
        let pending = lock(store).sync_counts()?.pending;
        if pending == 0 {
            report.file_bytes_received += self.download_files(store).await?;
            Ok(report)
        } else {
            Err(ClientError::NotTaken { pending })
        }
    }
}

impl Server {
    /// What changed down, page after page. Each page is taken in by its own transaction, so a
    /// first sync interrupted half-way resumes from the last page kept; the next page is asked
    /// for while one is being written, so the server's answer and the transfer overlap the
    /// writing.
    async fn pull_pages(
        &self,
        store: &Mutex<Store>,
        report: &mut SyncReport,
        on_progress: &mut (dyn FnMut(PullProgress) + Send),
    ) -> Result<(), ClientError> {
        let started = Instant::now();
        let mut progress: Option<PullProgress> = None;
        let mut next: Option<Prefetch> = None;
        let mut first = true;
        loop {
            let mut request = lock(store).sync_pull_request()?;
            if first {
                // The first answer is kept short, so writing starts at once, and says how much
                // is to come (counted once: it costs the server a look at every record).
                request.limit = Some(FIRST_PAGE);
                request.count = true;
            }
            first = false;
            let waiting = Instant::now();
            let (response, bytes) = match next.take() {
                // What the store asks for now is what was asked ahead (it may not be, when the
                // page before was not taken in as it came: a server restored meanwhile).
                Some(mut ahead) if ahead.request == request => ahead.answer().await?,
                _ => self.pull(&request).await?,
            };
            if response.more {
                let ahead = PullRequest { since: response.head, count: false, limit: None, ..request.clone() };
                next = Some(Prefetch::ask(self.clone(), ahead));
            }
            report.pulled_bytes += bytes;
            let storing = Instant::now();
            report.pull_waited += storing - waiting;
            report.received += lock(store).sync_apply_pull(&response)?;
            report.pull_stored += storing.elapsed();
            if response.more || progress.is_some() {
                let records: std::collections::HashSet<RecordKey> = response.changes.iter().map(|c| c.record).collect();
                let received = records.len() as u64;
                let shown = progress.get_or_insert(PullProgress {
                    received: 0,
                    total: None,
                    elapsed: Duration::ZERO,
                    first_page: (received, started.elapsed()),
                });
                shown.received += received;
                if let Some(remaining) = response.remaining {
                    shown.total = Some(shown.received + remaining);
                }
                // A record whose fields were cut between two pages is counted twice.
                if let Some(total) = shown.total.as_mut() {
                    *total = (*total).max(shown.received);
                }
                shown.elapsed = started.elapsed();
                on_progress(*shown);
            }
            if !response.more {
                return Ok(());
            }
        }
    }
}

/// The most field changes in the first answer of a pull: the rest come in full pages.
const FIRST_PAGE: u32 = 2_000;

/// How far a long pull stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PullProgress {
    /// Records taken in so far by this exchange.
    pub received: u64,
    /// How many it brings in all, when the server said.
    pub total: Option<u64>,
    /// Since the first page was asked for.
    pub elapsed: Duration,
    /// `(received, elapsed)` when the first page was taken in: the pace is measured after it,
    /// since that answer is short and costs the server a count of what is to come.
    pub first_page: (u64, Duration),
}

impl PullProgress {
    /// At the pace of the pages after the first, how long until the last record is taken in;
    /// `None` until a second page says what that pace is.
    pub fn time_left(&self) -> Option<Duration> {
        let total = self.total?;
        let (first_received, first_elapsed) = self.first_page;
        let received = self.received.checked_sub(first_received).filter(|n| *n > 0)?;
        let left = total.saturating_sub(self.received) as f64;
        Some(self.elapsed.saturating_sub(first_elapsed).mul_f64(left / received as f64))
    }
}

/// The next page of a pull, asked for while the previous one is being written; given up (its
/// request cancelled) when dropped unused.
struct Prefetch {
    request: PullRequest,
    task: tokio::task::JoinHandle<Result<(PullResponse, usize), ClientError>>,
}

impl Prefetch {
    fn ask(server: Server, request: PullRequest) -> Self {
        let asked = request.clone();
        Self { request, task: tokio::spawn(async move { server.pull(&asked).await }) }
    }

    async fn answer(&mut self) -> Result<(PullResponse, usize), ClientError> {
        (&mut self.task).await.map_err(|e| ClientError::Unreachable(e.to_string()))?
    }
}

impl Drop for Prefetch {
    fn drop(&mut self) {
        self.task.abort();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_time_left_is_said_at_the_pace_of_the_pages_after_the_short_first_one() {
        let first = PullProgress {
            received: 2_000,
            total: Some(102_000),
            elapsed: Duration::from_secs(1),
            first_page: (2_000, Duration::from_secs(1)),
        };
        assert_eq!(first.time_left(), None, "one short page says nothing of the pace");
        // 20,000 more in 2 s: the 80,000 left take 8 s (the first page's pace would say 40 s).
        let third = PullProgress { received: 22_000, elapsed: Duration::from_secs(3), ..first };
        assert_eq!(third.time_left(), Some(Duration::from_secs(8)));
        let last = PullProgress { received: 102_000, elapsed: Duration::from_secs(11), ..first };
        assert_eq!(last.time_left(), Some(Duration::ZERO));
        assert_eq!(PullProgress { total: None, ..third }.time_left(), None, "nothing to say without a total");
    }

    #[test]
    fn the_token_crosses_the_network_only_encrypted() {
        assert_eq!(normalise_address(" https://plan.exemple.gouv.fr/ ").unwrap(), "https://plan.exemple.gouv.fr");
        assert_eq!(normalise_address("http://127.0.0.1:8080").unwrap(), "http://127.0.0.1:8080");
        assert_eq!(normalise_address("http://localhost:8080/").unwrap(), "http://localhost:8080");
        assert_eq!(normalise_address("http://[::1]:8080").unwrap(), "http://[::1]:8080");
        assert!(matches!(normalise_address("http://plan.exemple.gouv.fr"), Err(ClientError::PlainHttp)));
        assert!(matches!(normalise_address("http://10.0.0.5:8080"), Err(ClientError::PlainHttp)));
        assert!(matches!(normalise_address("http://localhost.exemple.fr"), Err(ClientError::PlainHttp)));
        for bad in ["plan.exemple.gouv.fr", "ftp://plan.exemple.gouv.fr", "https://", "https://plan exemple.fr", ""] {
            assert!(matches!(normalise_address(bad), Err(ClientError::BadAddress)), "{bad}");
        }
    }
}
