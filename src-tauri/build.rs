//! Builds the Tauri context from the top-level `tauri.conf.json` (found beside the root manifest)
//! and the capabilities kept under `src-tauri/capabilities/`.
//!
//! Each of the app's commands needs an explicit `allow-…` permission in a capability. The list of
//! commands is read from `capabilities/main.json`, which is generated from the one declaration of
//! the commands (`crates/app/src/commands.rs`) and checked by `crates/app/tests/generated.rs`:
//! nothing here lists a command by hand.

fn main() {
    let capability = "src-tauri/capabilities/main.json";
    println!("cargo:rerun-if-changed={capability}");
    let text = std::fs::read_to_string(capability).expect("src-tauri/capabilities/main.json is readable");
    // The build script runs once: the list lives for it (tauri-build wants `&'static`).
    let commands: Vec<&'static str> = text
        .lines()
        .filter_map(|line| {
            line.trim().trim_end_matches(',').strip_prefix("\"allow-")?.strip_suffix('"').map(str::to_owned)
        })
        .map(|name| &*Box::leak(name.replace('-', "_").into_boxed_str()))
        .collect();
    assert!(!commands.is_empty(), "no command is allowed in {capability}");
    let commands: &'static [&'static str] = Box::leak(commands.into_boxed_slice());
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern("./src-tauri/capabilities/**/*")
            .app_manifest(tauri_build::AppManifest::new().commands(commands)),
    )
    .expect("failed to run the Tauri build script");
}
