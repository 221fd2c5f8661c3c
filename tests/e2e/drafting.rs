//! Journey (a): a ministry officer, offline, creates a plan, its institutions, an engagement area,
//! a commitment with its template fields and milestones, switches language, closes the app, and
//! finds everything as left when reopening it.

use serde_json::json;

use crate::desktop::Desktop;

const PLAN: &str = "France — Plan d'action national 2021-2023";
const PROBLEM: &str = "Les données environnementales sont dispersées entre de nombreux producteurs.";

async fn create_institution(app: &Desktop, name: &str, acronym: &str, kind: &str) {
    app.type_into("#institution-name", name).await;
    app.type_into("#institution-acronym", acronym).await;
    app.pick("#institution-kind", kind).await;
    app.click("#institution-submit").await;
    app.wait_for_text(name).await;
}

async fn milestone_title(app: &Desktop, position: usize) -> String {
    app.value(&format!("[data-testid='milestone-{position}'] [id$='-title']")).await
}

#[tokio::test]
#[ignore = "needs a display and tauri-driver: scripts/test.sh runs it under Xvfb"]
async fn an_officer_drafts_a_plan_offline_and_finds_it_intact_after_reopening() {
    let data = tempfile::tempdir().unwrap();
    let app = Desktop::launch(data.path()).await;

    // 1. An action plan.
    app.type_into("#plan-country", "France").await;
    app.type_into("#plan-title", PLAN).await;
    app.type_into("#plan-period-start", "17/12/2021").await;
    app.type_into("#plan-period-end", "31/12/2023").await;
    app.screenshot("01-plans").await;
    app.click("#plan-submit").await;
    app.wait_for_text_in("main h1", PLAN).await;
    let overview = app.script("return location.hash", vec![]).await.as_str().unwrap().to_string();

    // 2. Its institutions.
    app.click("#nav-institutions").await;
    create_institution(&app, "Ministère de la Transition écologique", "MTE", "ministry").await;
    create_institution(&app, "Haute Autorité pour la transparence de la vie publique", "HATVP", "independentAuthority")
        .await;
    app.screenshot("02-institutions").await;

    // 3. An engagement area.
    app.go(&overview).await;
    app.click("#area-add").await;
    app.type_into("#area-title", "Accélérer la transition écologique").await;
    app.click("#area-submit").await;
    app.wait_for("[data-testid^='add-commitment-']").await;

    // 4. A commitment, its template fields saved one by one.
    app.click("[data-testid^='add-commitment-']").await;
    app.type_into("#commitment-new-title", "Ouvrir les données environnementales").await;
    app.click("#commitment-new-submit").await;
    app.wait_for_text_in("main h1", "Ouvrir les données environnementales").await;
    app.type_into("#commitment-problem", PROBLEM).await;
    app.wait_saved().await;
    app.type_into("#commitment-contactEmail", "donnees@developpement-durable.gouv.fr").await;
    app.choose_institution("commitment-leadInstitutionId", "transition", "Transition écologique").await;
    app.type_into("#commitment-startDate", "01/01/2022").await;
    app.tick("commitment-accessToInformation").await;
    app.wait_saved().await;
    let status = app.text("[data-testid='save-status']").await;
    assert!(status.starts_with("Enregistré"), "the screen says the edits are saved: {status}");

    // 5. Milestones: add three, move the second up, delete the third after confirming.
    for (title, due) in [
        ("Recenser les jeux de données prioritaires", "30/06/2022"),
        ("Ouvrir les jeux de données recensés", "30/06/2023"),
        ("Jalon saisi par erreur", ""),
    ] {
        let before = app.count("li[data-testid^='milestone-']").await;
        app.type_into("#milestone-new-title", title).await;
        if !due.is_empty() {
            app.type_into("#milestone-new-dueDate", due).await;
        }
        app.click("#milestone-new-submit").await;
        app.wait_until("the new milestone", || async {
            app.count("li[data-testid^='milestone-']").await == before + 1
        })
        .await;
        app.wait_for_text(title).await;
    }
    app.wait_until("three milestones", || async { app.count("li[data-testid^='milestone-']").await == 3 }).await;
    app.click("[data-testid='milestone-1'] button[id$='-up']").await;
    app.wait_until("the reordered milestones", || async {
        milestone_title(&app, 0).await == "Ouvrir les jeux de données recensés"
    })
    .await;
    app.click("[data-testid='milestone-2'] button[id$='-delete']").await;
    app.screenshot("03-milestone-delete-confirmation").await;
    app.click("#milestone-delete-modal [data-testid='confirm']").await;
    app.wait_until("two milestones", || async { app.count("li[data-testid^='milestone-']").await == 2 }).await;
    app.type_into("[data-testid='milestone-1'] [id$='-expectedOutputs']", "Un inventaire publié en données ouvertes.")
        .await;
    app.wait_saved().await;
    app.screenshot("04-commitment").await;

    // 6. English, then back to French.
    app.click("#lang-en").await;
    app.wait_for_text("Problem to solve").await;
    app.screenshot("05-commitment-english").await;
    app.click("#lang-fr").await;
    app.wait_for_text("Enregistré").await;

    // 7. The overview finds it, accents or not.
    app.go(&overview).await;
    app.type_into("#overview-search", "ecologique").await;
    app.wait_for_text("Ouvrir les données environnementales").await;
    app.screenshot("06-overview-search").await;
    let commitment_link =
        app.script("return document.querySelector('.po-commitment a').getAttribute('href')", vec![]).await;
    let commitment = commitment_link.as_str().unwrap().to_string();

    // 8. Close the app; reopen it on the same data: everything is there as left.
    app.quit().await;
    let app = Desktop::launch(data.path()).await;
    app.wait_for_text(PLAN).await;
    app.go(&commitment).await;
    app.wait_for_text_in("main h1", "Ouvrir les données environnementales").await;
    assert_eq!(app.value("#commitment-problem").await, PROBLEM);
    assert_eq!(app.value("#commitment-contactEmail").await, "donnees@developpement-durable.gouv.fr");
    assert_eq!(app.value("#commitment-startDate").await, "01/01/2022", "the date as typed, day first");
    let lead = app.value("#commitment-leadInstitutionId").await;
    assert!(lead.contains("Transition écologique"), "lead institution kept: {lead}");
    let ticked = app.script("return document.getElementById('commitment-accessToInformation').checked", vec![]).await;
    assert_eq!(ticked, json!(true));
    app.wait_until("two milestones", || async { app.count("li[data-testid^='milestone-']").await == 2 }).await;
    assert_eq!(milestone_title(&app, 0).await, "Ouvrir les jeux de données recensés");
    assert_eq!(milestone_title(&app, 1).await, "Recenser les jeux de données prioritaires");
    assert_eq!(
        app.value("[data-testid='milestone-1'] [id$='-expectedOutputs']").await,
        "Un inventaire publié en données ouvertes."
    );
    assert_eq!(app.value("[data-testid='milestone-1'] [id$='-dueDate']").await, "30/06/2022");
    app.quit().await;
}
