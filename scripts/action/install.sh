#!/usr/bin/env bash
# Step 1 of action.yml: put `biome-manifests` on the PATH.
#   BIOME_CLI_SPEC     npm spec to install (registry version, tarball path or URL); empty: build from source
#   BIOME_SOURCE_DIR   the action's checkout (the source to build when BIOME_CLI_SPEC is empty)
#   BIOME_PREFIX       npm prefix to install into (default: npm's global prefix); its bin/ goes to GITHUB_PATH
set -euo pipefail
spec="${BIOME_CLI_SPEC:-}"
prefix="${BIOME_PREFIX:-$(npm prefix --global)}"
if [ -z "$spec" ]; then
  # From source: the bundle needs the dev dependencies to build; the installed package needs none.
  cd "${BIOME_SOURCE_DIR:?BIOME_SOURCE_DIR is not set}"
  if [ ! -d node_modules/esbuild ]; then npm ci --ignore-scripts --no-audit --no-fund; fi
  node scripts/build.mjs
  work="$(mktemp -d)"
  spec="$work/$(npm pack --ignore-scripts --silent --pack-destination "$work" | tail -n 1)"
fi
npm install --global --prefix "$prefix" --omit=dev --no-audit --no-fund "$spec"
if [ -n "${GITHUB_PATH:-}" ]; then echo "$prefix/bin" >> "$GITHUB_PATH"; fi
"$prefix/bin/biome-manifests" --version
