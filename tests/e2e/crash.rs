//! An app killed in the middle of typing loses at most the field being typed: every field saved
//! before is there when it starts again, and the database opens normally.

use crate::desktop::Desktop;

#[tokio::test]
#[ignore = "needs a display and tauri-driver: scripts/test.sh runs it under Xvfb"]
async fn killing_the_app_mid_typing_loses_at_most_the_field_being_typed() {
    let data = tempfile::tempdir().unwrap();
    let app = Desktop::launch(data.path()).await;
    let commitment = app.open_demo_commitment().await;

    app.type_into("#commitment-causes", "Aucun guichet unique pour les porteurs de projets.").await;
    app.wait_saved().await;
    app.type_into("#commitment-contactName", "Camille Martin").await;
    app.wait_saved().await;
    // Typing, and the process dies before the field is saved.
    app.type_into("#commitment-doneSoFar", "Une première promotion a été").await;
    app.kill_app();
    drop(app);

    let app = Desktop::launch(data.path()).await;
    app.go(&commitment).await;
    app.wait_for("#commitment-causes").await;
    assert_eq!(app.value("#commitment-causes").await, "Aucun guichet unique pour les porteurs de projets.");
    assert_eq!(app.value("#commitment-contactName").await, "Camille Martin");
    let being_typed = app.value("#commitment-doneSoFar").await;
    assert!(
        being_typed.is_empty() || being_typed == "Une première promotion a été",
        "the field being typed is either lost or whole, never garbled: {being_typed:?}"
    );
    // The rest of the plan is intact.
    app.wait_until("the demo's milestones", || async { app.count("li[data-testid^='milestone-']").await == 2 }).await;
    app.quit().await;
}
