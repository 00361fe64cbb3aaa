#!/bin/sh
# Executable shim for @vscode/test-electron's vscodeExecutablePath (it spawns without a shell).
exec node "$(dirname "$0")/code-server-launcher.js" "$@"
