//! Embeds the numbered SQL files of the top-level `migrations/` folder, in order, so the binary
//! carries its schema and cannot run against SQL files it was not built with.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    // Read when the script runs, not when it was compiled: a build script compiled once serves
    // every checkout of the repository that shares the target folder.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join("../../migrations");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("the migrations/ folder at the top of the repository")
        .map(|entry| entry.expect("a readable migrations/ entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "sql"))
        .collect();
    files.sort();
    let mut code = String::from(
        "/// `(file name, SQL)` of every migration, in order.\npub(crate) const FILES: &[(&str, &str)] = &[\n",
    );
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.file_name().expect("a file name").to_string_lossy();
        let absolute = path.canonicalize().expect("a migration path");
        writeln!(code, "    ({name:?}, include_str!({:?})),", absolute.display().to_string()).expect("write");
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("migration_files.rs");
    std::fs::write(out, code).expect("write the migration list");
}
