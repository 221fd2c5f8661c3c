//! Journey (e): two officers of the same ministry, each on their own laptop (two instances of
//! the real app, two data folders) and a real central plan API. Both change the same commitment's
//! title while the server is down; when it is back, the one whose change arrived second sees the
//! conflict side by side, writes the title they agree on, and the other laptop receives it. The
//! drafter is not offered to change the plan's structure, which only coordinators may do, and is
//! told why. Then, the server down again, the drafter rewrites the problem while the coordinator
//! deletes the commitment: whichever arrives second is refused with its reason, and the drafter's
//! text, if refused, can still be copied before it is discarded.

use crate::desktop::Desktop;
use crate::server::{admin, all_sent, connect, ServerProcess};

const PLAN: &str = "France — Plan d'action national 2025-2027";
const COMMITMENT: &str = "Ouvrir les données environnementales";
const TITLE_A: &str = "Ouvrir les données de l'environnement";
const TITLE_B: &str = "Publier les données environnementales";
const AGREED: &str = "Ouvrir et publier les données environnementales";

/// Waits until the commitment screen at `href` shows `title`, reading again as sync brings it.
pub(crate) async fn wait_for_title(app: &Desktop, href: &str, title: &str) {
    app.wait_until(&format!("the commitment titled {title:?}"), || async {
        if app.count("#sync-refresh").await > 0 {
            app.click("#sync-refresh").await;
        }
        if app.count("#commitment-title").await == 0 {
            app.go(href).await;
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
            return false;
        }
        app.value("#commitment-title").await == title
    })
    .await;
}

#[tokio::test]
#[ignore = "needs a display and tauri-driver: scripts/test.sh runs it under Xvfb"]
async fn a_conflict_made_offline_is_resolved_on_one_laptop_and_reaches_the_other() {
    let folder = tempfile::tempdir().unwrap();
    let db = folder.path().join("server.sqlite3");
    admin(&db, &["institution", "add", "Ministère de la Transition écologique", "--acronym", "MTE"]);
    admin(&db, &["user", "add", "Alice Martin", "--institution", "MTE", "--role", "coordinator"]);
    admin(&db, &["user", "add", "Bruno Petit", "--institution", "MTE", "--role", "drafter"]);
    let alice = admin(&db, &["token", "issue", "Alice Martin"]);
    let bruno = admin(&db, &["token", "issue", "Bruno Petit"]);
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let url = format!("http://127.0.0.1:{port}");
    let server = ServerProcess::start(&db, port);

    let env = [("PLAN_OUVERT_SYNC_INTERVAL", "2"), ("PLAN_OUVERT_TOKEN_STORE", "file")];
    let (dir_a, dir_b) = (folder.path().join("laptop-a"), folder.path().join("laptop-b"));
    let a = Desktop::launch_with(&dir_a, &env).await;
    let b = Desktop::launch_with(&dir_b, &env).await;

    // Alice, coordinator, connects and drafts the plan, an area and a commitment.
    connect(&a, &url, &alice, "Alice Martin").await;
    a.screenshot("sync-01-settings").await;
    let (overview, href) = a.draft_plan(PLAN, "Transition écologique", COMMITMENT).await;
    all_sent(&a).await;

    // Bruno, drafter of the same ministry, connects and receives it.
    connect(&b, &url, &bruno, "Bruno Petit").await;
    wait_for_title(&b, &href, COMMITMENT).await;

    // The server goes down; both change the title.
    server.stop();
    a.type_into("#commitment-title", TITLE_A).await;
    a.wait_saved().await;
    b.type_into("#commitment-title", TITLE_B).await;
    b.wait_saved().await;
    for app in [&a, &b] {
        app.wait_for_text_in("#sync-connection", "Hors ligne").await;
        app.wait_for_text_in("#sync-pending", "1 modification").await;
    }
    b.screenshot("sync-02-offline").await;

    // It comes back. Whichever change arrives first is kept; the other meets it.
    let server = ServerProcess::start(&db, port);
    all_sent(&a).await;
    all_sent(&b).await;
    all_sent(&a).await;
    let in_conflict = (a.count("#sync-conflicts-link").await, b.count("#sync-conflicts-link").await);
    let (resolver, receiver, mine, theirs) = match in_conflict {
        (1, 0) => (&a, &b, TITLE_A, TITLE_B),
        (0, 1) => (&b, &a, TITLE_B, TITLE_A),
        other => panic!("exactly one laptop should hold the conflict, found {other:?}"),
    };
    resolver.click("#sync-conflicts-link").await;
    resolver.wait_for("[data-testid$='-mine-text']").await;
    assert_eq!(resolver.text("[data-testid$='-mine-text']").await, mine);
    assert_eq!(resolver.text("[data-testid$='-theirs-text']").await, theirs);
    resolver.screenshot("sync-03-conflict").await;

    // The officer writes the title they agree on; it syncs to the other laptop.
    resolver.type_into("[id^='conflict-'][id$='-text']", AGREED).await;
    resolver.click("[id^='conflict-'][id$='-save']").await;
    resolver.wait_for_text("Aucun conflit à résoudre").await;
    all_sent(resolver).await;
    wait_for_title(receiver, &href, AGREED).await;
    wait_for_title(resolver, &href, AGREED).await;
    receiver.screenshot("sync-04-received").await;
    for app in [&a, &b] {
        app.wait_until("no conflict left", || async { app.count("#sync-conflicts-link").await == 0 }).await;
    }

    // Bruno is a drafter: the plan's structure is the coordinators', so his laptop does not offer
    // to change it, and says why.
    b.go(&overview).await;
    b.wait_for_text("Seule la coordination du plan peut modifier le plan et ses axes").await;
    assert_eq!(b.count("#area-add").await, 0);
    b.screenshot("sync-05-drafter-overview").await;

    // The server down again, Bruno rewrites the problem while Alice deletes the commitment.
    server.stop();
    const BRUNO: &str = "Le diagnostic de Bruno, écrit hors ligne.";
    b.go(&href).await;
    b.type_into("#commitment-problem", BRUNO).await;
    b.wait_saved().await;
    a.go(&href).await;
    a.click("#commitment-delete").await;
    a.click("#commitment-delete-modal [data-testid='confirm']").await;
    a.wait_for_text_in("main h1", PLAN).await;
    for app in [&a, &b] {
        app.wait_for_text_in("#sync-pending", "1 modification").await;
    }
    let _server = ServerProcess::start(&db, port);
    all_sent(&a).await;
    all_sent(&b).await;
    all_sent(&a).await;
    // Whichever arrived second is refused, with its reason: nothing was erased unseen.
    let refused = (a.count("#sync-rejections-link").await, b.count("#sync-rejections-link").await);
    match refused {
        (0, 1) => {
            // Alice's deletion came first: Bruno's text is kept to copy.
            b.click("#sync-rejections-link").await;
            b.wait_for_text("Cet élément a été supprimé par quelqu'un d'autre entre-temps.").await;
            assert_eq!(b.text("[id^='rejection-'][id$='-text']").await, BRUNO);
            b.screenshot("sync-06-refused").await;
            b.click("[id^='rejection-'][id$='-discard']").await;
            b.click("#rejection-discard-modal [data-testid='confirm']").await;
            b.wait_for_text("Aucune modification refusée.").await;
            b.wait_until("the status bar to drop the refusal", || async {
                b.count("#sync-rejections-link").await == 0
            })
            .await;
        }
        (1, 0) => {
            // Bruno's text came first: Alice's deletion would have erased it unseen, so it was
            // refused and the commitment, with Bruno's text, is back on her laptop.
            a.click("#sync-rejections-link").await;
            a.wait_for_text("Quelqu'un a modifié cet élément, ou y a ajouté quelque chose, depuis que vous l'avez vu")
                .await;
            a.screenshot("sync-06-refused").await;
            wait_for_title(&a, &href, AGREED).await;
            assert_eq!(a.value("#commitment-problem").await, BRUNO);
        }
        other => panic!("exactly one laptop should hold a refusal, found {other:?}"),
    }
    a.quit().await;
    b.quit().await;
}
