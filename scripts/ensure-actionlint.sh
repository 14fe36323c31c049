#!/usr/bin/env bash
# Builds a pinned actionlint (the GitHub Actions workflow linter) with `go install` from the Go
# module proxy into the per-user cache, once, and prints its path. Used by the CI-workflow self-test.
set -euo pipefail
VERSION="v1.7.12"
CACHE_DIR="${MESCHAIN_QA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/meschain-qa}"
DEST="$CACHE_DIR/actionlint-$VERSION/bin"
if [[ ! -x "$DEST/actionlint" ]]; then
  command -v go >/dev/null || { echo "expected Go on PATH to build actionlint $VERSION; found none. Install Go (https://go.dev/dl or apt-get install golang) and re-run." >&2; exit 2; }
  mkdir -p "$CACHE_DIR"
  TMP="$(mktemp -d "$CACHE_DIR/.actionlint-build.XXXXXX")"
  GOBIN="$TMP/bin" GOFLAGS=-mod=mod go install "github.com/rhysd/actionlint/cmd/actionlint@$VERSION" >&2
  rm -rf "$DEST.partial" && mkdir -p "$(dirname "$DEST")" && mv "$TMP/bin" "$DEST.partial" && rm -rf "$TMP"
  mv "$DEST.partial" "$DEST"
fi
echo "$DEST/actionlint"
