//! `plan-ouvert-bridge`: the app's commands over loopback HTTP, so that the interface runs in a
//! plain browser on the real core — in development (`npm --prefix ui run dev` starts it) and in
//! the interface's tests.
//!
//! Each *session* is one laptop: its own store in its own folder, its own sync loop (with the
//! real client, towards a real `plan-ouvert-server` when the person connects one). It holds no
//! rule of its own: every call goes to [`plan_ouvert_app::dispatch`].
//!
//! ```text
//! POST /bridge/sessions                       → { "session": id }   a new, empty laptop
//! POST /bridge/s/{id}/invoke/{command}        body: the arguments   → { "ok": value } | { "err": Failure }
//! GET  /bridge/s/{id}/events                  server-sent events: name = event, data = payload
//! POST /bridge/s/{id}/script                  { "files": [path | null…], "progressDelayMs": n }
//! GET  /bridge/s/{id}/opened                  [path…]   the files the app asked the system to open
//! GET  /bridge/s/{id}/notified                [{ "title", "body" }…]   the desktop notifications sent
//! GET  /…                                     the built interface (--ui), with the app's CSP
//! ```
//!
//! `script` is what a real backend cannot do on demand: the person's answers to the next file
//! dialogs (none: cancelled), and a pause after each import progress report so that a test can
//! see the progress bar. The session `default` exists without being created (development).
//! Only loopback addresses are accepted for `--listen`.

mod sessions;
mod static_files;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{bail, Context as _};

/// Command-line options.
#[derive(Debug)]
struct Options {
    listen: SocketAddr,
    ui: Option<PathBuf>,
    data: Option<PathBuf>,
}

const USAGE: &str = "usage : plan-ouvert-bridge [--listen 127.0.0.1:5174] [--ui DOSSIER] [--data DOSSIER]";

fn options() -> anyhow::Result<Options> {
    let mut options = Options { listen: SocketAddr::from(([127, 0, 0, 1], 5174)), ui: None, data: None };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().with_context(|| format!("{flag} attend une valeur ; {USAGE}"));
        match flag.as_str() {
            "--listen" => options.listen = value()?.parse().context("--listen attend une adresse et un port")?,
            "--ui" => options.ui = Some(PathBuf::from(value()?)),
            "--data" => options.data = Some(PathBuf::from(value()?)),
            _ => bail!("option inconnue « {flag} » ; {USAGE}"),
        }
    }
    if !options.listen.ip().is_loopback() {
        bail!("le pont n'écoute que sur la boucle locale (127.0.0.1 ou ::1), pas sur {}", options.listen);
    }
    Ok(options)
}

fn main() {
    if let Err(error) = run() {
        eprintln!("plan-ouvert-bridge : {error:#}");
        std::process::exit(1);
    }
}

fn run() -> anyhow::Result<()> {
    let options = options()?;
    // A browser session has no keyring of its own: the token goes to the session's folder.
    std::env::set_var(plan_ouvert_app::TOKEN_STORE_ENV, "file");
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "warn,plan_ouvert=info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async move {
        let sessions = Arc::new(sessions::Sessions::new(options.data)?);
        let csp = static_files::content_security_policy()?;
        let ui = options.ui;
        let router = sessions::routes(sessions)
            .fallback(move |uri: axum::http::Uri| static_files::serve(ui.clone(), csp.clone(), uri));
        let listener = tokio::net::TcpListener::bind(options.listen)
            .await
            .with_context(|| format!("impossible d'écouter sur {}", options.listen))?;
        let address = listener.local_addr()?;
        // The first line tells whoever started the bridge where it listens (the port may be 0).
        println!("http://{address}/");
        tracing::info!(%address, "bridge listening");
        axum::serve(listener, router)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await?;
        Ok(())
    })
}
