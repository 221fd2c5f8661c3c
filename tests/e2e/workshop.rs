//! Journey (h): a co-construction workshop without a network, on four laptops (four instances of
//! the real app, each with its own data folder) and a real central plan API.
//!
//! Claire, coordinator (DITP), drafts the plan and sends it; Hugo, of the HATVP, the facilitator,
//! and Camille, his colleague, receive it on their laptops. In the room there is no network (the
//! server is down): Hugo prepares the workshop and opens the room (« Ouvrir la salle »); Camille's
//! laptop joins it (« Rejoindre une salle ») with the address and the six-digit code read from
//! Hugo's screen, and receives the workshop. A participant gives a proposal in « Mode atelier » on
//! Camille's laptop, another one on Hugo's: both are on Hugo's workshop page. Hugo traces his
//! room's proposal to the commitment, then writes the workshop's exchange file, with who took
//! part, through the native save dialog (answered with xdotool, as in the other journeys). Back at
//! the office, Inès, of the HATVP too, imports the file on her laptop (the native open dialog) and
//! syncs; Claire's laptop, which never saw the file, then shows the proposal on the commitment's
//! screen under « Contributions d'ateliers à l'origine ».
//!
//! Camille's own proposal reaches the server when her laptop or Hugo's syncs: a file carries the
//! changes of the laptop that wrote it (`crates/room/tests/room.rs` covers the rest).

use std::time::Duration;

use crate::desktop::Desktop;
use crate::open_data::answer_dialog;
use crate::server::{admin, all_sent, connect, ServerProcess};
use crate::sync::wait_for_title;

const DITP: &str = "Direction interministérielle de la transformation publique";
const HATVP: &str = "Haute Autorité pour la transparence de la vie publique";
const PLAN: &str = "France — Plan d'action national 2025-2027";
const COMMITMENT: &str = "Publier les agendas des responsables publics";
const WORKSHOP: &str = "Atelier transparence de la vie publique";
/// Captured on Camille's laptop, which joined the room.
const FROM_GUEST: &str = "Ouvrir les registres des représentants d'intérêts.";
/// Captured on Hugo's laptop, the room's, and traced to the commitment.
const FROM_ROOM: &str = "Publier les agendas des ministres chaque semaine.";
const REASON: &str = "Reprise dans l'engagement sur les agendas.";

/// One participant's turn in « Mode atelier » (`#/ateliers/<id>/salle`), from the workshop's
/// page: the information text accepted, a first name and the kind of organisation, one proposal;
/// then back to the workshop's page.
async fn participant_proposes(app: &Desktop, name: &str, proposal: &str) {
    app.click("#workshop-room").await;
    app.wait_for_text_in("#room-step", "Étape 1 sur 3").await;
    app.tick("room-consent").await;
    app.click("#room-consent-next").await;
    app.type_into("#room-name", name).await;
    app.tick("room-kind-citizen").await;
    app.click("#room-identity-next").await;
    app.wait_for_text_in("#room-contribute", name).await;
    app.type_into("#room-text", proposal).await;
    app.click("#room-add").await;
    app.wait_for_text_in("#room-said", "Proposition ajoutée.").await;
    app.wait_for_text_in("#room-mine", proposal).await;
    app.click("#room-quit").await;
    app.wait_for_text_in("main h1", WORKSHOP).await;
}

/// Waits until `css` shows `text`, brought by the room: the page reads again by itself, or
/// offers to when the person was typing (« Actualiser »).
async fn wait_for_arrival(app: &Desktop, css: &str, text: &str) {
    app.wait_until(&format!("{text:?} in {css}"), || async {
        if app.text_now_or_empty(css).await.contains(text) {
            return true;
        }
        if app.count("#sync-refresh").await > 0 {
            app.click("#sync-refresh").await;
        }
        false
    })
    .await;
}

/// Saves a screenshot named `name` with the element matching `css` in the middle of the window.
async fn screenshot_of(app: &Desktop, css: &str, name: &str) {
    app.script(
        "document.querySelector(arguments[0]).scrollIntoView({ block: 'center' })",
        vec![serde_json::json!(css)],
    )
    .await;
    app.screenshot(name).await;
}

/// The id of the contribution whose text is `text` on the workshop page shown.
async fn contribution_id(app: &Desktop, text: &str) -> String {
    let id = app
        .script(
            "const li = [...document.querySelectorAll('li.po-contribution')].find(li => li.textContent.includes(arguments[0]));
             return li ? li.id.replace(/^contribution-/, '') : null;",
            vec![serde_json::json!(text)],
        )
        .await;
    id.as_str().unwrap_or_else(|| panic!("no contribution {text:?} on the page")).to_string()
}

#[tokio::test]
#[ignore = "needs a display and tauri-driver: scripts/test.sh runs it under Xvfb"]
async fn a_workshop_without_a_network_reaches_the_coordination_through_a_room_and_an_exchange_file() {
    let folder = tempfile::tempdir().unwrap();
    let db = folder.path().join("server.sqlite3");
    admin(&db, &["institution", "add", DITP, "--acronym", "DITP"]);
    admin(&db, &["institution", "add", HATVP, "--acronym", "HATVP", "--kind", "independentAuthority"]);
    admin(&db, &["user", "add", "Claire Dubois", "--institution", "DITP", "--role", "coordinator"]);
    for person in ["Hugo Petit", "Camille Roux", "Inès Moreau"] {
        admin(&db, &["user", "add", person, "--institution", "HATVP", "--role", "drafter"]);
    }
    let token = |person: &str| admin(&db, &["token", "issue", person]);
    let (claire, hugo, camille, ines) =
        (token("Claire Dubois"), token("Hugo Petit"), token("Camille Roux"), token("Inès Moreau"));
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let url = format!("http://127.0.0.1:{port}");
    let server = ServerProcess::start(&db, port);
    let env = [("PLAN_OUVERT_SYNC_INTERVAL", "2"), ("PLAN_OUVERT_TOKEN_STORE", "file")];

    // Claire, coordinator: the HATVP as an institution of the plan, the plan, an area, and a
    // commitment the HATVP leads.
    let coordination = Desktop::launch_with(&folder.path().join("laptop-claire"), &env).await;
    connect(&coordination, &url, &claire, "Claire Dubois").await;
    coordination.click("#nav-institutions").await;
    coordination.type_into("#institution-name", HATVP).await;
    coordination.type_into("#institution-acronym", "HATVP").await;
    coordination.pick("#institution-kind", "independentAuthority").await;
    coordination.click("#institution-submit").await;
    coordination.wait_for_text(HATVP).await;
    let (overview, href) = coordination.draft_plan(PLAN, "Transparence de l'action publique", COMMITMENT).await;
    let commitment_id = href.rsplit('/').next().unwrap().to_string();
    coordination.choose_institution("commitment-leadInstitutionId", "HATVP", "Haute Autorité").await;
    coordination.wait_saved().await;
    all_sent(&coordination).await;

    // Hugo, the facilitator, and Camille, his colleague, receive the plan before the workshop.
    let a = Desktop::launch_with(&folder.path().join("laptop-hugo"), &env).await;
    let b = Desktop::launch_with(&folder.path().join("laptop-camille"), &env).await;
    connect(&a, &url, &hugo, "Hugo Petit").await;
    connect(&b, &url, &camille, "Camille Roux").await;
    wait_for_title(&a, &href, COMMITMENT).await;
    wait_for_title(&b, &href, COMMITMENT).await;

    // The room has no network.
    server.stop();
    for app in [&a, &b] {
        app.wait_for_text_in("#sync-connection", "Hors ligne").await;
    }

    // Hugo prepares the workshop: run by his institution, about the commitment.
    a.go(&overview).await;
    a.click("#plan-workshops").await;
    a.click("#workshop-new").await;
    a.type_into("#workshop-title", WORKSHOP).await;
    a.type_into("#workshop-heldOn", "12/03/2030").await;
    a.type_into("#workshop-place", "Salle 204, Ségur").await;
    a.type_into("#workshop-facilitator", "Hugo Petit").await;
    a.wait_for_text_in("#workshop-institutionId", HATVP).await;
    a.tick(&format!("workshop-commitmentIds-{commitment_id}")).await;
    screenshot_of(&a, "#workshop-form", "workshop-01-prepared").await;
    a.click("#workshop-submit").await;
    a.wait_for_text_in("main h1", WORKSHOP).await;
    a.wait_for_text_in("#workshop-discussed", COMMITMENT).await;

    // « Ouvrir la salle »: the address and the code, on screen.
    a.click("#room-open-button").await;
    let code = a.text("#room-code").await;
    let address = a.text("#room-address").await;
    assert!(code.len() == 6 && code.bytes().all(|c| c.is_ascii_digit()), "a six-digit code: {code:?}");
    assert!(address.rsplit_once(':').is_some_and(|(_, port)| port.parse::<u16>().is_ok()), "{address:?}");
    screenshot_of(&a, "#room-open", "workshop-02-room-open").await;

    // Camille's laptop joins the room from the plan's workshops, with what Hugo's screen shows.
    b.go(&overview).await;
    b.click("#plan-workshops").await;
    b.wait_for("#workshops-none").await;
    b.click("#workshops-room summary").await;
    b.type_into("#room-join-address", &address).await;
    b.type_into("#room-join-code", &code).await;
    b.click("#room-join-submit").await;
    b.wait_for_text_in("#room-link-status", &format!("Salle rejointe ({address})")).await;
    wait_for_arrival(&b, "#workshops", WORKSHOP).await;
    screenshot_of(&b, "#workshops-room", "workshop-03-room-joined").await;
    b.click("#room-link-workshop").await;
    b.wait_for_text_in("main h1", WORKSHOP).await;

    // A participant on Camille's laptop, in « Mode atelier »: the proposal is on Hugo's screen.
    participant_proposes(&b, "Awa", FROM_GUEST).await;
    b.wait_for_text_in("#workshop-proposals", FROM_GUEST).await;
    wait_for_arrival(&a, "#workshop-proposals", FROM_GUEST).await;
    // Another on Hugo's laptop: it reaches Camille's too.
    participant_proposes(&a, "Bruno", FROM_ROOM).await;
    a.wait_for_text_in("#workshop-participants-count", "2 personnes").await;
    wait_for_arrival(&b, "#workshop-proposals", FROM_ROOM).await;
    screenshot_of(&a, "#workshop-contributions", "workshop-04-contributions").await;

    // Hugo traces his room's proposal to the commitment: kept, with the reason.
    let traced = contribution_id(&a, FROM_ROOM).await;
    a.click(&format!("#trace-{traced}-open")).await;
    a.tick(&format!("trace-{traced}-outcome-kept")).await;
    a.type_into(&format!("#trace-{traced}-outcomeReason"), REASON).await;
    a.tick(&format!("trace-{traced}-fed-{commitment_id}")).await;
    a.click(&format!("#trace-{traced}-save")).await;
    a.wait_for_text_in(&format!("#trace-{traced}"), "A nourri :").await;
    a.wait_for_text_in(&format!("#trace-{traced}"), COMMITMENT).await;
    assert!(a.text(&format!("#trace-{traced}")).await.contains("Retenue"));
    screenshot_of(&a, &format!("#trace-{traced}"), "workshop-05-traced").await;

    // The room closes; Hugo writes the workshop's exchange file, with who took part (the file
    // goes to a colleague of the HATVP), where he chooses.
    a.click("#room-close").await;
    a.wait_for("#room-open-button").await;
    let file = folder.path().join("atelier.planouvert");
    a.click("#workshop-exchange-write").await;
    a.wait_for_text_in("#exchange-write-modal", "doivent rester au sein de l'institution").await;
    let with = a.script("return document.querySelector('#exchange-identities-with').checked", vec![]).await;
    assert_eq!(with, serde_json::json!(true), "who took part goes in by default on the institution's laptop");
    a.click("#exchange-write-confirm").await;
    answer_dialog("crire le fichier", &file, true).await;
    a.wait_for_text_in("#workshop-exchange-write-result", "Fichier d'échange écrit").await;
    a.wait_for_text_in("#workshop-exchange-write-result", "avec l'identité des participants").await;
    assert!(std::fs::read(&file).unwrap().starts_with(b"PLAN-OUVERT-BUNDLE "));
    screenshot_of(&a, "#workshop-exchange-write-result", "workshop-06-file-written").await;
    a.quit().await;
    b.quit().await;

    // Back at the office: Inès, of the HATVP, imports the file and syncs.
    let _server = ServerProcess::start(&db, port);
    let c = Desktop::launch_with(&folder.path().join("laptop-ines"), &env).await;
    connect(&c, &url, &ines, "Inès Moreau").await;
    wait_for_title(&c, &href, COMMITMENT).await;
    c.go("#/synchronisation").await;
    c.click("#sync-import-exchange").await;
    answer_dialog("Importer un fichier", &file, false).await;
    c.wait_for_text_in("#sync-import-result", "Fichier d'échange importé").await;
    c.wait_for_text_in("#sync-import-result", "Écrit par Hugo Petit").await;
    c.wait_for_text_in("#sync-import-result", "seront transmises au serveur").await;
    screenshot_of(&c, "#sync-import-result", "workshop-07-imported").await;
    c.wait_until("the changes of Hugo's laptop to be relayed", || async {
        if c.count("#sync-relay-count").await == 0
            && c.text_now_or_empty("#sync-pending").await.contains("Tout est envoyé")
        {
            return true;
        }
        if c.count("#sync-now:not([disabled])").await > 0 {
            c.click("#sync-now").await;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
        false
    })
    .await;
    assert_eq!(c.count("#sync-rejections-link").await, 0, "nothing relayed was refused");
    // Inès is of the HATVP: the workshop is there with who took part, from both laptops.
    c.click("#sync-import-result-workshop").await;
    c.wait_for_text_in("#workshop-names", "Awa").await;
    c.wait_for_text_in("#workshop-names", "Bruno").await;
    all_sent(&c).await;

    // Claire's laptop, which never saw the file: the commitment says where it came from.
    coordination
        .wait_until("the workshop's contribution on the commitment", || async {
            if coordination.text_now_or_empty("#commitment-contributions").await.contains(FROM_ROOM) {
                return true;
            }
            // The section reads when the screen opens: open it again as sync brings news.
            coordination.go(&overview).await;
            tokio::time::sleep(Duration::from_millis(300)).await;
            coordination.go(&href).await;
            tokio::time::sleep(Duration::from_millis(700)).await;
            false
        })
        .await;
    let came_from = coordination.text("#commitment-contributions").await;
    assert!(came_from.contains("Contributions d'ateliers à l'origine"), "{came_from}");
    assert!(came_from.contains(&format!("{WORKSHOP}, 12/03/2030")), "{came_from}");
    assert!(came_from.contains("Retenue") && came_from.contains(REASON), "{came_from}");
    screenshot_of(&coordination, "#commitment-contributions", "workshop-08-coordination").await;
    // The coordination of another institution never holds who took part.
    coordination.click("#commitment-contributions a[href^='#/ateliers/']").await;
    coordination.wait_for_text_in("main h1", WORKSHOP).await;
    coordination.wait_for("#workshop-names-hidden").await;
    assert!(!coordination.body_text().await.contains("Bruno"));

    c.quit().await;
    coordination.quit().await;
}
