//! Journey (g): the follow-up of the plan across two laptops and a real central plan API. The
//! coordination (DITP) drafts a commitment the HATVP leads, with two milestones, and sends it.
//! The HATVP's drafter, with the server down, reports the first milestone complete and attaches
//! a PDF through the native file dialog (answered with xdotool); when the server is back the
//! report and its file go. On the coordinator's laptop the plan's figure and the commitment's
//! move from 0 % to 50 %, the entry is signed by the HATVP's drafter, and the PDF opens — through
//! `PLAN_OUVERT_OPEN_WITH`, a script that copies what it is given where the test checks that the
//! bytes are the ones attached.

use std::path::Path;
use std::time::Duration;

use serde_json::json;

use crate::desktop::Desktop;
use crate::open_data::answer_dialog;
use crate::server::{admin, all_sent, connect, ServerProcess};
use crate::sync::wait_for_title;

const DITP: &str = "Direction interministérielle de la transformation publique";
const HATVP: &str = "Haute Autorité pour la transparence de la vie publique";
const PLAN: &str = "France — Plan d'action national 2025-2027";
const COMMITMENT: &str = "Publier les déclarations des responsables publics en données ouvertes";
const MILESTONE: &str = "Publier le schéma des déclarations";
const PDF_NAME: &str = "schema-declarations.pdf";

/// A small PDF, with a binary comment line as real ones have.
fn pdf_bytes() -> Vec<u8> {
    let mut bytes = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    bytes.extend_from_slice(b"1 0 obj << /Type /Catalog >> endobj\n");
    bytes.extend((0u8..=255).collect::<Vec<_>>());
    bytes.extend_from_slice(b"\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    bytes
}

/// A program that "opens" a file by copying it to `target` (written whole, then renamed).
fn viewer_copying_to(folder: &Path, target: &Path) -> std::path::PathBuf {
    let script = folder.join("viewer.sh");
    let target = target.display();
    std::fs::write(&script, format!("#!/bin/sh\ncp \"$1\" \"{target}.part\" && mv \"{target}.part\" \"{target}\"\n"))
        .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    script
}

/// Waits until `css` on the screen at `href` says `needle`, going back to the screen as sync
/// brings news (the screen reads again by itself, or offers to).
async fn wait_for_figure(app: &Desktop, href: &str, css: &str, needle: &str) {
    app.wait_until(&format!("{needle:?} in {css}"), || async {
        if app.text_now_or_empty(css).await.contains(needle) {
            return true;
        }
        if app.count("#sync-refresh").await > 0 {
            app.click("#sync-refresh").await;
        } else if app.script("return location.hash", vec![]).await.as_str() != Some(href) {
            app.go(href).await;
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
        false
    })
    .await;
}

#[tokio::test]
#[ignore = "needs a display and tauri-driver: scripts/test.sh runs it under Xvfb"]
async fn an_independent_body_reports_offline_with_a_pdf_and_the_coordination_sees_it_and_opens_it() {
    let folder = tempfile::tempdir().unwrap();
    let db = folder.path().join("server.sqlite3");
    admin(&db, &["institution", "add", DITP, "--acronym", "DITP"]);
    admin(&db, &["institution", "add", HATVP, "--acronym", "HATVP", "--kind", "independentAuthority"]);
    admin(&db, &["user", "add", "Claire Dubois", "--institution", "DITP", "--role", "coordinator"]);
    admin(&db, &["user", "add", "Hugo Petit", "--institution", "HATVP", "--role", "drafter"]);
    let claire = admin(&db, &["token", "issue", "Claire Dubois"]);
    let hugo = admin(&db, &["token", "issue", "Hugo Petit"]);
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let url = format!("http://127.0.0.1:{port}");
    let server = ServerProcess::start(&db, port);

    let pdf = folder.path().join(PDF_NAME);
    std::fs::write(&pdf, pdf_bytes()).unwrap();
    let opened = folder.path().join("opened.pdf");
    let viewer = viewer_copying_to(folder.path(), &opened);
    let env = [
        ("PLAN_OUVERT_SYNC_INTERVAL", "2"),
        ("PLAN_OUVERT_TOKEN_STORE", "file"),
        ("PLAN_OUVERT_OPEN_WITH", viewer.to_str().unwrap()),
    ];
    let a = Desktop::launch_with(&folder.path().join("laptop-ditp"), &env).await;
    let b = Desktop::launch_with(&folder.path().join("laptop-hatvp"), &env).await;

    // Claire, coordinator: the HATVP as an institution of the plan (named as in the directory),
    // the plan, an area, the HATVP's commitment and its two milestones.
    connect(&a, &url, &claire, "Claire Dubois").await;
    a.click("#nav-institutions").await;
    a.type_into("#institution-name", HATVP).await;
    a.type_into("#institution-acronym", "HATVP").await;
    a.pick("#institution-kind", "independentAuthority").await;
    a.click("#institution-submit").await;
    a.wait_for_text(HATVP).await;
    let (overview, href) = a.draft_plan(PLAN, "Transparence de l'action publique", COMMITMENT).await;
    let commitment_id = href.rsplit('/').next().unwrap().to_string();
    a.choose_institution("commitment-leadInstitutionId", "HATVP", "Haute Autorité").await;
    a.wait_saved().await;
    for (title, due) in
        [(MILESTONE, "30/06/2026"), ("Ouvrir l'interface de programmation des déclarations", "30/06/2027")]
    {
        let before = a.count("li[data-testid^='milestone-']").await;
        a.type_into("#milestone-new-title", title).await;
        a.type_into("#milestone-new-dueDate", due).await;
        a.click("#milestone-new-submit").await;
        a.wait_until("the new milestone", || async { a.count("li[data-testid^='milestone-']").await == before + 1 })
            .await;
    }
    all_sent(&a).await;
    a.go(&overview).await;
    a.wait_for_text_in("#overview-progress", "Avancement : 0 %").await;
    a.screenshot("progress-01-coordination-before").await;

    // Hugo, drafter of the HATVP, receives the commitment his institution leads.
    connect(&b, &url, &hugo, "Hugo Petit").await;
    wait_for_title(&b, &href, COMMITMENT).await;
    b.wait_for("#progress-commitment").await;

    // The server goes down. Hugo reports the first milestone complete, with the PDF attached.
    server.stop();
    b.wait_for_text_in("#sync-connection", "Hors ligne").await;
    let open = b
        .script(
            "return [...document.querySelectorAll(\"button[id^='report-'][id$='-open']\")]
                .map(b => b.id).find(id => id !== 'report-commitment-open')",
            vec![],
        )
        .await;
    let open = open.as_str().expect("a milestone's report button").to_string();
    let prefix = open.trim_end_matches("-open").to_string();
    b.click(&format!("#{open}")).await;
    let complete = b
        .script(
            "return document.querySelector(`input[name='${arguments[0]}-status'][value='complete']`).id",
            vec![json!(prefix)],
        )
        .await;
    b.tick(complete.as_str().unwrap()).await;
    b.type_into(&format!("#{prefix}-done"), "Le schéma des déclarations est publié sur le site de la HATVP.").await;
    b.click(&format!("#{prefix}-attach")).await;
    answer_dialog("Joindre un fichier", &pdf, false).await;
    b.wait_for_text(PDF_NAME).await;
    b.screenshot("progress-02-report-offline").await;
    b.click(&format!("#{prefix}-submit")).await;
    b.wait_for("#progress-saved").await;
    b.wait_for_text_in("#progress-commitment", "Avancement : 50 %").await;
    b.wait_for_text_in("#sync-pending", "1 modification").await;
    b.screenshot("progress-03-reported-offline").await;

    // The server is back: the report and its file go.
    let _server = ServerProcess::start(&db, port);
    all_sent(&b).await;

    // Claire's laptop: the plan's figure and the commitment's have moved.
    wait_for_figure(&a, &overview, "#overview-progress", "Avancement : 50 %").await;
    let commitment_figure = format!("[data-testid='commitment-{commitment_id}-progress']");
    assert_eq!(a.text(&commitment_figure).await, "Avancement 50 %");
    a.screenshot("progress-04-coordination-overview").await;
    a.go(&href).await;
    wait_for_figure(&a, &href, "#progress-commitment", "Avancement : 50 %").await;
    a.wait_for_text_in(".po-timeline__entry", "Hugo Petit").await;
    assert!(a.text(".po-timeline__entry").await.contains(HATVP), "signed in the HATVP's name");

    // The PDF arrived whole; it opens (here: the viewer copies it) with the bytes attached.
    let file_button = format!("button[title*='{PDF_NAME}']");
    a.wait_until("the PDF to arrive", || async {
        if a.count(&file_button).await > 0 {
            return true;
        }
        if a.count("#sync-refresh").await > 0 {
            a.click("#sync-refresh").await;
        } else {
            a.go(&overview).await;
            tokio::time::sleep(Duration::from_millis(300)).await;
            a.go(&href).await;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
        false
    })
    .await;
    a.script("document.querySelector(arguments[0]).scrollIntoView({ block: 'center' })", vec![json!(file_button)])
        .await;
    a.screenshot("progress-05-coordination-commitment").await;
    a.click(&file_button).await;
    a.wait_until("the PDF to be opened", || async { opened.exists() }).await;
    assert_eq!(std::fs::read(&opened).unwrap(), pdf_bytes(), "the file opened is the one attached, byte for byte");

    a.quit().await;
    b.quit().await;
}
