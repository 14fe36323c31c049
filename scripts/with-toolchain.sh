#!/usr/bin/env bash
# Runs the set-up (idempotent), then the given command with Node 24 and the project's
# node_modules/.bin first on PATH. Every npm script goes through here.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_BIN_DIR="$(bash "$ROOT/scripts/setup.sh" --print-node-bin | tail -n 1)"
export PATH="$ROOT/node_modules/.bin:$NODE_BIN_DIR:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# node:sqlite still prints an ExperimentalWarning on Node 24; keep other warnings.
export NODE_OPTIONS="${NODE_OPTIONS:-} --disable-warning=ExperimentalWarning"
cd "$ROOT"
exec "$@"
