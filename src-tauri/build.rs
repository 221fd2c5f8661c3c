//! Builds the Tauri context from the top-level `tauri.conf.json` (found beside the root manifest)
//! and the capabilities kept under `src-tauri/capabilities/`.
//!
//! The app's commands are declared here so that each needs an explicit `allow-…` permission in a
//! capability: the window can call exactly the commands listed in `capabilities/main.json`.

const COMMANDS: &[&str] = &[
    "get_locale",
    "set_locale",
    "list_plans",
    "create_plan",
    "update_plan",
    "load_demo_plan",
    "plan_overview",
    "create_area",
    "update_area",
    "delete_area",
    "create_commitment",
    "get_commitment",
    "edit_commitment",
    "delete_commitment",
    "create_milestone",
    "edit_milestone",
    "move_milestone",
    "delete_milestone",
    "list_institutions",
    "create_institution",
    "update_institution",
    "delete_institution",
    "get_sync_status",
    "get_sync_settings",
    "connect_sync",
    "disconnect_sync",
    "sync_now",
    "list_conflicts",
    "resolve_conflict",
    "list_rejections",
    "discard_rejection",
    "import_ogp_csv",
    "export_plan",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern("./src-tauri/capabilities/**/*")
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run the Tauri build script");
}
