use crate::desktop::Desktop;

#[tokio::test]
#[ignore = "needs a display and tauri-driver: scripts/test.sh runs it under Xvfb"]
async fn the_app_starts_offline_on_an_empty_data_folder_in_french() {
    let dir = tempfile::tempdir().unwrap();
    let app = Desktop::launch(dir.path()).await;
    app.wait_for_text("Plan ouvert").await;
    let lang = app.script("return document.documentElement.lang", vec![]).await;
    assert_eq!(lang, "fr");
    assert!(dir.path().join("plan-ouvert.sqlite3").exists(), "the database is created in PLAN_OUVERT_DATA_DIR");
    app.quit().await;
}
