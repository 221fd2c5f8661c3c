//! Journey (b): a milestone due after the plan's period is refused, in French, next to its field,
//! and nothing wrong is saved — neither a new milestone nor a changed date.

use serde_json::json;

use crate::desktop::Desktop;

const OUTSIDE: &str = "La date doit être comprise dans la période du plan d'action, du 17/12/2021 au 31/12/2023.";

/// The text of the DSFR input group holding the field `id`: its label, hint and error message.
async fn field_group_text(app: &Desktop, id: &str) -> String {
    let text = app
        .script(
            "const el = document.getElementById(arguments[0]);
             const group = el && el.closest('.fr-input-group, .fr-select-group');
             return group ? group.innerText : '';",
            vec![json!(id)],
        )
        .await;
    text.as_str().unwrap_or_default().to_string()
}

#[tokio::test]
#[ignore = "needs a display and tauri-driver: scripts/test.sh runs it under Xvfb"]
async fn a_milestone_due_outside_the_plan_period_is_refused_in_french_and_nothing_is_saved() {
    let data = tempfile::tempdir().unwrap();
    let app = Desktop::launch(data.path()).await;
    let commitment = app.open_demo_commitment().await;
    let before = app.count("li[data-testid^='milestone-']").await;

    // A new milestone due in 2024, after the 2021-2023 plan.
    app.type_into("#milestone-new-title", "Publier le bilan final").await;
    app.type_into("#milestone-new-dueDate", "15/03/2024").await;
    app.click("#milestone-new-submit").await;
    app.wait_for_text(OUTSIDE).await;
    assert!(
        field_group_text(&app, "milestone-new-dueDate").await.contains(OUTSIDE),
        "the message is shown next to the due date"
    );
    app.screenshot("07-milestone-refused").await;
    assert_eq!(app.count("li[data-testid^='milestone-']").await, before);
    assert_eq!(app.value("#milestone-new-title").await, "Publier le bilan final", "what was typed is kept");

    // An existing milestone's due date moved outside the period: refused, the stored date stays.
    if before > 0 {
        let due = "[data-testid='milestone-0'] [id$='-dueDate']";
        let stored = app.value(due).await;
        let id = app.script("return document.querySelector(arguments[0]).id", vec![json!(due)]).await;
        // Typed over the stored date, as a person selecting it and typing does.
        app.script("const f = document.querySelector(arguments[0]); f.focus(); f.select();", vec![json!(due)]).await;
        let field = app.client.find(fantoccini::Locator::Css(due)).await.expect("the due date field");
        field.send_keys("31/01/2020").await.expect("typed");
        app.wait_until("the refusal under the milestone's due date", || async {
            field_group_text(&app, id.as_str().unwrap()).await.contains(OUTSIDE)
        })
        .await;
        app.wait_for_text("Non enregistré").await;

        // Reopen the screen: leaving with the refused date asks first; left without saving, the
        // stored date never changed, no milestone was added.
        app.go("#/").await;
        app.wait_for_text("Quitter la page ?").await;
        app.click("#leave-anyway").await;
        app.wait_for("#load-demo").await;
        app.go(&commitment).await;
        app.wait_for("#milestone-new-title").await;
        app.wait_until("the milestones", || async { app.count("li[data-testid^='milestone-']").await == before }).await;
        assert_eq!(app.value(due).await, stored);
    } else {
        panic!("the demo plan's first commitment has milestones");
    }
    app.quit().await;
}
