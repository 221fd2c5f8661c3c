#!/usr/bin/env bash
# Runs every test of Plan ouvert, headless: style and lints (rustfmt, clippy, ESLint, tsc), the
# Rust unit and integration tests (domain, store, sync simulation, server, commands through
# tauri::test), the interface's tests in Chromium on the real core (through the loopback bridge,
# with a real server for sync), and the real desktop app end to end under Xvfb through
# tauri-driver. Installs what is missing first.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/install.sh" --test
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_PROFILE_DEV_DEBUG=0
cd "$ROOT"

# One feature set for every cargo step, so nothing is built twice.
FEATURES=(--workspace --features plan-ouvert/custom-protocol)

echo "== Style: rustfmt, ESLint, TypeScript"
cargo fmt --all --check
npm --prefix ui run --silent lint
npm --prefix ui run --silent typecheck

echo "== Build: the interface, then the app, the bridge and the server"
npm --prefix ui run build --silent
cargo build "${FEATURES[@]}" --all-targets

echo "== Lints: clippy, warnings are errors"
cargo clippy "${FEATURES[@]}" --all-targets -- -D warnings

echo "== Rust: domain, store, sync, server, commands (no display)"
cargo test "${FEATURES[@]}"

echo "== Interface: tests in Chromium on the real core (loopback bridge, real server)"
npm --prefix ui test

echo "== End to end: the real app under Xvfb, driven through tauri-driver"
timeout 1200 xvfb-run -a -s "-screen 0 1280x1024x24" \
  cargo test "${FEATURES[@]}" --test e2e -- --ignored --test-threads=1
