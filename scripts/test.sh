#!/usr/bin/env bash
# Runs every test of Plan ouvert, headless: Rust unit and integration tests (domain, store,
# commands through tauri::test), the interface's tests in Chromium with the mock backend, and the
# real desktop app end to end under Xvfb through tauri-driver. Installs what is missing first.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/install.sh" --test
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_PROFILE_DEV_DEBUG=0
cd "$ROOT"

# One feature set for every cargo step, so nothing is built twice.
FEATURES=(--workspace --features plan-ouvert/custom-protocol)

echo "== Interface: build, type check, tests in Chromium (mock backend)"
npm --prefix ui run build --silent
npm --prefix ui test

echo "== Rust: domain, store, commands (no display)"
cargo test "${FEATURES[@]}"

echo "== End to end: the real app under Xvfb, driven through tauri-driver"
timeout 1200 xvfb-run -a -s "-screen 0 1280x1024x24" \
  cargo test "${FEATURES[@]}" --test e2e -- --ignored --test-threads=1
