#!/usr/bin/env bash
# The pre-commit hook (.pre-commit-hooks.yaml, language: script): runs from pre-commit's clone of this
# repository, building the CLI bundle there on first use (npm ci + esbuild, about a minute; kept afterwards).
# Build output goes to stderr; the working directory stays the user's repository (file arguments are relative to it).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ ! -f "$root/dist/cli.js" ]; then
  (cd "$root" && { [ -d node_modules/esbuild ] || npm ci --ignore-scripts --no-audit --no-fund; } && node scripts/build.mjs) >&2
fi
exec node "$root/dist/cli.js" check "$@"
