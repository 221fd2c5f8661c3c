use crate::helpers::*;

#[test]
fn the_administrator_issues_a_token_that_the_server_recognises_until_revoked() {
    let (_dir, db) = fresh_db();
    let cast = cast(&db);
    let token = cast.tokens["authority"].clone();
    assert!(token.starts_with("po_") && token.len() > 40);
    let server = Server::start(&db);
    let (status, me) = server.get("/api/me", Some(&token));
    assert_eq!(status, 200);
    assert_eq!(me["person"]["name"], "authority");
    assert_eq!(me["person"]["role"], "drafter");
    assert_eq!(me["person"]["institutionName"], "Haute Autorité pour la transparence de la vie publique");

    assert_eq!(admin(&db, &["token", "revoke", "authority"]).unwrap(), "1 jeton révoqué");
    let (status, body) = server.get("/api/me", Some(&token));
    assert_eq!(status, 401);
    assert_eq!(body["code"], "unauthorized");
}

#[test]
fn only_the_hash_of_a_token_is_stored() {
    let (dir, db) = fresh_db();
    let cast = cast(&db);
    let bytes = std::fs::read(&db).unwrap();
    let wal = std::fs::read(dir.path().join("server.sqlite3-wal")).unwrap_or_default();
    for token in cast.tokens.values() {
        let needle = token.as_bytes();
        let found = |hay: &[u8]| hay.windows(needle.len()).any(|w| w == needle);
        assert!(!found(&bytes) && !found(&wal), "a token was stored in clear");
    }
}

#[test]
fn administration_mistakes_are_refused_with_a_clear_message() {
    let (_dir, db) = fresh_db();
    admin(&db, &["institution", "add", "Cour de cassation", "--kind", "court"]).unwrap();
    let err = admin(&db, &["institution", "add", "cour de cassation", "--kind", "court"]).unwrap_err();
    assert!(err.contains("existe déjà"), "{err}");
    let err = admin(&db, &["institution", "add", "Conseil d'État", "--kind", "tribunal"]).unwrap_err();
    assert!(err.contains("type d'institution inconnu"), "{err}");
    let err = admin(&db, &["user", "add", "marie", "--institution", "CNIL", "--role", "drafter"]).unwrap_err();
    assert!(err.contains("aucune institution ne correspond à « CNIL »"), "{err}");
    let err =
        admin(&db, &["user", "add", "marie", "--institution", "Cour de cassation", "--role", "boss"]).unwrap_err();
    assert!(err.contains("rôle inconnu"), "{err}");
    let err = admin(&db, &["token", "issue", "personne"]).unwrap_err();
    assert!(err.contains("aucune personne"), "{err}");
}
