//! The whole API: each route and its handler (`api.rs`), and the OpenAPI document that
//! describes them (`openapi.rs`).

use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use tower_http::compression::{CompressionLayer, CompressionLevel};

use crate::{api, openapi};

/// The whole API.
pub fn app(state: Arc<api::ServerState>) -> Router {
    Router::new()
        .route("/api/me", get(api::me))
        .route("/api/sync/push", post(api::push))
        // A first sync's pages are tens of megabytes of JSON: compressed when the laptop asks,
        // at the fastest level (JSON shrinks about tenfold even so).
        .route(
            "/api/sync/pull",
            post(api::pull).layer(CompressionLayer::new().gzip(true).quality(CompressionLevel::Fastest)),
        )
        .route("/api/files/{sha256}", get(api::file_state).put(api::upload_file))
        .route("/api/files/{sha256}/content", get(api::download_file))
        .route("/api/openapi.json", get(openapi::serve))
        .fallback(api::not_found)
        .method_not_allowed_fallback(api::method_not_allowed)
        .layer(axum::middleware::from_fn(api::log_request))
        .layer(DefaultBodyLimit::max(api::MAX_BODY_BYTES))
        .with_state(state)
}
