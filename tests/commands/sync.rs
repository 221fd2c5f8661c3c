//! The sync commands: what the settings screen and the status bar receive.

use serde_json::json;

use crate::helpers::App;

#[test]
fn a_new_app_is_not_connected_and_counts_its_changes_to_send() {
    let app = App::start();
    let status = app.ok("get_sync_status", json!({}));
    assert_eq!(status["connection"], "notConfigured");
    assert_eq!(status["pending"], 0);
    app.plan_with_area();
    let status = app.ok("get_sync_status", json!({}));
    assert_eq!(status["pending"], 2, "the plan and its area wait for a server");
    assert_eq!(
        app.ok("get_sync_settings", json!({})),
        json!({"serverUrl": null, "account": null, "tokenStorage": null})
    );
    assert_eq!((status["receiving"].clone(), status["paused"].clone()), (json!(null), json!(false)));
}

#[test]
fn pausing_when_nothing_long_is_being_received_changes_nothing() {
    let app = App::start();
    app.plan_with_area();
    // The status bar offers « Interrompre » only during a long reception; asked otherwise, the
    // command holds nothing back (an ordinary exchange is never interrupted).
    let status = app.ok("pause_sync", json!({}));
    assert_eq!((status["paused"].clone(), status["receiving"].clone()), (json!(false), json!(null)));
    assert_eq!(app.ok("sync_now", json!({}))["paused"], false);
}

#[test]
fn a_wrong_address_and_an_empty_token_are_refused_field_by_field_in_french() {
    let app = App::start();
    let failure = app.err("connect_sync", json!({"input": {"serverUrl": "plan.exemple.gouv.fr", "token": "  "}}));
    assert_eq!(failure["code"], "validation");
    assert_eq!(
        failure["fields"],
        json!([
            {"field": "serverUrl", "message": "Saisissez une adresse commençant par http:// ou https://."},
            {"field": "token", "message": "Saisissez le jeton reçu de votre administrateur."}
        ])
    );
}

#[test]
fn a_plain_http_address_of_another_computer_is_refused_so_the_token_never_crosses_unencrypted() {
    let app = App::start();
    let failure =
        app.err("connect_sync", json!({"input": {"serverUrl": "http://plan.exemple.gouv.fr", "token": "po_x"}}));
    assert_eq!(
        failure["fields"],
        json!([{"field": "serverUrl",
                "message": "Pour protéger votre jeton, utilisez une adresse https:// : http:// n'est accepté que pour un serveur sur ce poste (localhost, 127.0.0.1)."}])
    );
    assert_eq!(app.ok("get_sync_status", json!({}))["connection"], "notConfigured", "nothing kept");
}

#[test]
fn an_address_where_no_server_answers_is_refused_on_the_address() {
    let app = App::start();
    // A port just freed: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let failure =
        app.err("connect_sync", json!({"input": {"serverUrl": format!("http://127.0.0.1:{port}"), "token": "po_x"}}));
    assert_eq!(
        failure["fields"],
        json!([{"field": "serverUrl",
                "message": "Le serveur ne répond pas à cette adresse. Vérifiez l'adresse et votre connexion."}])
    );
    assert_eq!(app.ok("get_sync_status", json!({}))["connection"], "notConfigured", "nothing kept");
}

#[test]
fn resolving_or_discarding_what_does_not_exist_says_so() {
    let app = App::start();
    let failure = app.err("resolve_conflict", json!({"conflictId": 7, "choice": {"choice": "mine"}}));
    assert_eq!(failure["code"], "notFound");
    assert_eq!(failure["message"], "Ce conflit a déjà été résolu.");
    let failure = app.err("discard_rejection", json!({"rejectionId": 7}));
    assert_eq!(failure["message"], "Cette modification refusée a déjà été écartée.");
    assert_eq!(app.ok("list_conflicts", json!({})), json!([]));
    assert_eq!(app.ok("list_rejections", json!({})), json!([]));
}
