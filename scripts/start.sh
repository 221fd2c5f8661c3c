#!/usr/bin/env bash
# Installs what is missing, builds the interface and the desktop app, and starts Plan ouvert on
# its local SQLite database (no server needed). Set PLAN_OUVERT_DATA_DIR to use another data folder.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/install.sh"
export PATH="$HOME/.cargo/bin:$PATH"
cd "$ROOT"
npm --prefix ui run build --silent
# Same profile and features as the tests, so both share one build.
CARGO_PROFILE_DEV_DEBUG=0 cargo build --workspace --features plan-ouvert/custom-protocol
exec "$ROOT/target/debug/plan-ouvert"
