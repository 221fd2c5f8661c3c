//! The files generated from the command declarations are up to date: the interface's port
//! (`ui/src/core/commands.ts`) and the desktop window's capability
//! (`src-tauri/capabilities/main.json`, from which `src-tauri/build.rs` reads the command list).
//!
//! To update them after changing a declaration:
//!
//! ```sh
//! UPDATE_BINDINGS=1 cargo test -p plan-ouvert-app --test generated
//! ```

use std::path::Path;

fn check(relative: &str, fresh: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, fresh).expect("write the generated file");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{relative} is stale: run `UPDATE_BINDINGS=1 cargo test -p plan-ouvert-app --test generated` and commit the result"
    );
}

#[test]
fn the_interface_port_is_generated_from_the_declarations() {
    check("../../ui/src/core/commands.ts", &plan_ouvert_app::typescript::port());
}

#[test]
fn the_window_capability_allows_exactly_the_declared_commands() {
    check("../../src-tauri/capabilities/main.json", &plan_ouvert_app::typescript::capability());
}

#[test]
fn every_declared_command_is_dispatched_and_nothing_else() {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    let dir = tempfile::tempdir().expect("data folder");
    #[derive(Debug)]
    struct Silent;
    impl plan_ouvert_app::Shell for Silent {
        fn emit(&self, _: plan_ouvert_app::Event) {}
        fn pick_file(
            &self,
            _: plan_ouvert_app::FileRequest,
            _: Option<&str>,
            _: plan_ouvert_domain::Locale,
        ) -> Result<Option<std::path::PathBuf>, String> {
            Ok(None)
        }
        fn open_file(&self, _: &std::path::Path) -> Result<(), String> {
            Err("nothing to open with".into())
        }
        fn notify(&self, _: &str, _: &str) -> Result<(), String> {
            Ok(())
        }
    }
    let app = plan_ouvert_app::App::open(dir.path(), std::sync::Arc::new(Silent)).expect("app");
    runtime.block_on(async {
        // A declared command with no arguments answers; an unknown one is an internal failure.
        let plans = plan_ouvert_app::dispatch(&app, "list_plans", serde_json::Value::Null).await.expect("list_plans");
        assert_eq!(plans, serde_json::json!([]));
        let unknown = plan_ouvert_app::dispatch(&app, "drop_everything", serde_json::json!({})).await.unwrap_err();
        assert_eq!(unknown.code, plan_ouvert_domain::ErrorCode::Internal);
        // Arguments of the wrong shape are refused before anything runs.
        let bad = plan_ouvert_app::dispatch(&app, "set_locale", serde_json::json!({"locale": 3})).await.unwrap_err();
        assert_eq!(bad.code, plan_ouvert_domain::ErrorCode::Internal);
    });
    assert!(plan_ouvert_app::is_command("export_plan"));
    assert!(!plan_ouvert_app::is_command("drop_everything"));
}
