#!/usr/bin/env bash
# Installs what Plan ouvert needs on Debian or Ubuntu, and only what is missing (safe to re-run):
# system libraries for Tauri, Rust, Node.js, the interface's npm packages; with --test, also what
# the tests need (Xvfb, WebKitWebDriver, Chromium, tauri-driver).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WITH_TESTS=0
[[ "${1:-}" == "--test" ]] && WITH_TESTS=1

say() { printf '\033[1;34m[plan-ouvert]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[plan-ouvert]\033[0m %s\n' "$*" >&2; exit 1; }

SUDO=""
if [[ "$(id -u)" != 0 ]]; then
  command -v sudo >/dev/null || die "Ce script doit installer des paquets système : lancez-le en root ou installez sudo."
  SUDO="sudo"
fi

# --- System packages -------------------------------------------------------------------------
packages=(build-essential pkg-config curl ca-certificates libssl-dev libwebkit2gtk-4.1-dev libxdo-dev
          libayatana-appindicator3-dev librsvg2-dev)
if (( WITH_TESTS )); then
  # xdotool answers the native file dialogs in the end-to-end tests.
  packages+=(xvfb xauth webkit2gtk-driver chromium imagemagick xdotool)
fi
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if (( ${#missing[@]} )); then
  say "Installation des paquets système : ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- Rust ------------------------------------------------------------------------------------
export PATH="$HOME/.cargo/bin:$PATH"
if ! command -v cargo >/dev/null; then
  say "Installation de Rust (rustup)"
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c rustfmt -c clippy
fi
if (( WITH_TESTS )) && ! { cargo fmt --version && cargo clippy --version; } >/dev/null 2>&1; then
  say "Installation de rustfmt et clippy (vérification du style)"
  rustup component add rustfmt clippy || die "rustfmt et clippy sont nécessaires aux tests : rustup component add rustfmt clippy"
fi
rust_minor="$(rustc --version | sed -E 's/^rustc 1\.([0-9]+).*/\1/')"
(( rust_minor >= 90 )) || die "Rust 1.90 ou plus récent est nécessaire (trouvé : $(rustc --version)). Lancez : rustup update"

# --- Node.js (the interface's build: Vite 7 needs Node 20.19 or later) ------------------------
node_ok() {
  command -v node >/dev/null && node -e '
    const [maj, min] = process.versions.node.split(".").map(Number);
    process.exit(maj > 20 || (maj === 20 && min >= 19) ? 0 : 1)'
}
if ! node_ok; then
  say "Installation de Node.js"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null || true
  node_ok || die "Node.js 20.19 ou plus récent est nécessaire (trouvé : $(node --version 2>/dev/null || echo aucun)). Installez Node.js 20 LTS ou 22 LTS puis relancez."
fi

# --- The interface's npm packages (reinstalled only when the lockfile changed) ----------------
lock_hash="$(sha256sum "$ROOT/ui/package-lock.json" | cut -d' ' -f1)"
stamp="$ROOT/ui/node_modules/.plan-ouvert-lock"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$lock_hash" ]]; then
  say "Installation des paquets npm de l'interface"
  (cd "$ROOT/ui" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_hash" > "$stamp"
fi

# --- Test tools --------------------------------------------------------------------------------
if (( WITH_TESTS )); then
  if ! command -v tauri-driver >/dev/null; then
    say "Installation de tauri-driver"
    cargo install --locked tauri-driver --version 2.1.0 --quiet
  fi
fi
say "Tout est installé."
