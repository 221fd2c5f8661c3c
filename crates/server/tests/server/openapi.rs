use crate::helpers::*;

#[test]
fn the_api_is_described_by_an_openapi_document_generated_from_the_code() {
    let (_dir, db) = fresh_db();
    let server = Server::start(&db);
    let (status, doc) = server.get("/api/openapi.json", None);
    assert_eq!(status, 200);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for (path, method) in [("/api/me", "get"), ("/api/sync/push", "post"), ("/api/sync/pull", "post")] {
        assert!(doc["paths"][path][method].is_object(), "{method} {path} is described");
    }
    assert!(doc["paths"]["/api/sync/push"]["post"]["responses"]["403"].is_object());
    let schemas = &doc["components"]["schemas"];
    let push = &schemas["PushRequest"]["properties"];
    for field in ["protocol", "client", "mutations"] {
        assert!(push[field].is_object(), "PushRequest.{field} is described");
    }
    assert!(schemas["Outcome"].is_object() && schemas["ErrorBody"].is_object());
    assert_eq!(doc["components"]["securitySchemes"]["token"]["scheme"], "bearer");
}
