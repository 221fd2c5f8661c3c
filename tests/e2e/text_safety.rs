//! Journey (c): text that looks like HTML is shown as text, never run.

use serde_json::json;

use crate::desktop::Desktop;

const TITLE: &str = "<img src=x onerror=alert(1)>";

#[tokio::test]
#[ignore = "needs a display and tauri-driver: scripts/test.sh runs it under Xvfb"]
async fn a_title_that_looks_like_html_is_shown_literally() {
    let data = tempfile::tempdir().unwrap();
    let app = Desktop::launch(data.path()).await;
    app.click("#load-demo").await;
    app.click("[data-testid^='add-commitment-']").await;
    app.type_into("#commitment-new-title", TITLE).await;
    app.click("#commitment-new-submit").await;
    app.wait_for_text_in("main h1", TITLE).await;
    assert_eq!(app.text("main h1").await, TITLE);
    assert_eq!(app.count("img[src='x']").await, 0, "no image element was made from the title");
    assert!(app.client.get_alert_text().await.is_err(), "no alert dialog opened");

    // In the overview too.
    app.click(".fr-breadcrumb a[href^='#/plans/']").await;
    app.wait_for_text(TITLE).await;
    let shown = app
        .script(
            "return [...document.querySelectorAll('.po-commitment a')].map(a => a.textContent).includes(arguments[0])",
            vec![json!(TITLE)],
        )
        .await;
    assert_eq!(shown, json!(true));
    assert_eq!(app.count("img[src='x']").await, 0);
    assert!(app.client.get_alert_text().await.is_err(), "no alert dialog opened");
    app.screenshot("08-html-title").await;
    app.quit().await;
}
