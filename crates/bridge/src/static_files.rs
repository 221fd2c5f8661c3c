//! The built interface, served with the desktop app's Content-Security-Policy (read from
//! `tauri.conf.json`, compiled in), so that whatever the CSP would block in the app (an inline
//! script, a remote font) fails in the browser too.

use std::path::{Component, Path, PathBuf};

use axum::http::{header, StatusCode, Uri};
use axum::response::{IntoResponse, Response};

const TAURI_CONF: &str = include_str!("../../../tauri.conf.json");

/// The CSP of `tauri.conf.json` as a header value.
pub fn content_security_policy() -> anyhow::Result<String> {
    let conf: serde_json::Value = serde_json::from_str(TAURI_CONF)?;
    let csp = conf
        .pointer("/app/security/csp")
        .and_then(|csp| csp.as_object())
        .ok_or_else(|| anyhow::anyhow!("tauri.conf.json n'a pas de politique de sécurité (app.security.csp)"))?;
    Ok(csp
        .iter()
        .map(|(directive, sources)| format!("{directive} {}", sources.as_str().unwrap_or_default()))
        .collect::<Vec<_>>()
        .join("; "))
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// The file of `folder` that `uri` names, if it is inside it.
fn resolve(folder: &Path, uri: &Uri) -> Option<PathBuf> {
    let relative = uri.path().trim_start_matches('/');
    let relative = if relative.is_empty() { "index.html" } else { relative };
    let relative = Path::new(relative);
    relative.components().all(|c| matches!(c, Component::Normal(_))).then(|| folder.join(relative))
}

/// Serves `folder` (nothing without one: the bridge then only answers calls).
pub async fn serve(folder: Option<PathBuf>, csp: String, uri: Uri) -> Response {
    let Some(file) = folder.as_deref().and_then(|folder| resolve(folder, &uri)) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match tokio::fs::read(&file).await {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, content_type(&file).to_string()),
                (header::CONTENT_SECURITY_POLICY, csp),
                (header::CACHE_CONTROL, "no-store".to_string()),
            ],
            bytes,
        )
            .into_response(),
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_files_inside_the_folder_are_served() {
        let folder = Path::new("ui");
        assert_eq!(resolve(folder, &"/".parse().unwrap()), Some(folder.join("index.html")));
        assert_eq!(resolve(folder, &"/assets/a.js".parse().unwrap()), Some(folder.join("assets/a.js")));
        assert_eq!(resolve(folder, &"/../secret".parse().unwrap()), None);
        assert_eq!(resolve(folder, &"/assets/../../secret".parse().unwrap()), None);
    }

    #[test]
    fn the_policy_is_the_desktop_apps() {
        let csp = content_security_policy().unwrap();
        assert!(csp.contains("default-src 'self'"), "{csp}");
        assert!(csp.contains("script-src 'self'"), "{csp}");
    }
}
