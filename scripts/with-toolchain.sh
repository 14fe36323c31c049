#!/usr/bin/env bash
# Runs the set-up (idempotent), then the given command with Node 24 and the project's
# node_modules/.bin first on PATH. Every npm script goes through here. With `--node-only` first,
# the set-up brings only Node and the npm packages (lint, type-check: no root, apt or Go).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SETUP_ARGS=(--print-node-bin)
# `--node-only`: Node 24 and the npm packages only (lint, type-check), no Chromium or k6
if [[ "${1:-}" == "--node-only" ]]; then SETUP_ARGS+=(--node-only); shift; fi
NODE_BIN_DIR="$(bash "$ROOT/scripts/setup.sh" "${SETUP_ARGS[@]}" | tail -n 1)"
export PATH="$ROOT/node_modules/.bin:$NODE_BIN_DIR:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# node:sqlite still prints an ExperimentalWarning on Node 24; keep other warnings.
export NODE_OPTIONS="${NODE_OPTIONS:-} --disable-warning=ExperimentalWarning"
cd "$ROOT"
exec "$@"
