//! The API described as OpenAPI 3, generated from the handlers and the protocol types (served at
//! `/api/openapi.json`), so the description cannot drift from the code.

use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::api;

#[derive(OpenApi)]
#[openapi(
    info(title = "Plan ouvert — API du plan d'action", description = "Synchronisation des applications de bureau avec le plan central."),
    paths(api::me, api::push, api::pull, api::file_state, api::upload_file, api::download_file),
    modifiers(&BearerToken)
)]
struct Document;

struct BearerToken;

impl Modify for BearerToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme("token", SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)));
    }
}

/// The OpenAPI document of this server.
pub fn document() -> utoipa::openapi::OpenApi {
    Document::openapi()
}

/// `GET /api/openapi.json`: this document.
pub(crate) async fn serve() -> axum::Json<utoipa::openapi::OpenApi> {
    axum::Json(document())
}
