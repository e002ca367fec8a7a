#!/usr/bin/env bash
# Installs everything the project needs on a fresh machine (node 20 + npm present) and builds it.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v pnpm >/dev/null 2>&1 || ! pnpm --version 2>/dev/null | grep -q '^10\.'; then
  echo "setup: installing pnpm 10" >&2
  npm install -g pnpm@10.34.9 >/dev/null
fi
export CI="${CI:-true}"   # non-interactive pnpm
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
pnpm install --frozen-lockfile --reporter=silent
pnpm run build >/dev/null
echo "setup: built packages/kubectl-l1vh/dist/kubectl-l1vh" >&2
