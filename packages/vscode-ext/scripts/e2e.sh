#!/usr/bin/env bash
# The extension's tests in a real VS Code: code-server (VS Code 1.100.3 server + workbench) with
# headless Debian chromium as the client, driven by playwright-core.
#   1. installs chromium/libkrb5-dev/ripgrep (apt) and code-server (npm) once, into a cache dir;
#   2. builds the bundle + .vsix and installs the .vsix;
#   3. main mocha suite in the extension host (trusted fixture workspace, offline profile);
#   4. UI check: hover DOM text + screenshots of the hover and the preview (docs/images/);
#   5. untrusted-mode suite in a second code-server with workspace trust on.
# Exit 0 only when all passed. Every step is time-bounded; code-server's process group is killed on exit.
set -euo pipefail
EXT=$(cd "$(dirname "$0")/.." && pwd)
REPO=$(cd "$EXT/../.." && pwd)
CACHE=${L1VH_E2E_CACHE:-${HOME:-/root}/.cache/l1vh-vscode-e2e}
CS_VERSION=${CS_VERSION:-4.100.3}          # last code-server whose engines.node is 20 (VS Code 1.100.3)
PORT=${PORT:-$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}
# Screenshots go to a scratch dir; UPDATE_SCREENSHOTS=1 refreshes the ones in docs/images.
if [ "${UPDATE_SCREENSHOTS:-}" = 1 ]; then SHOTS=${SHOTS:-$REPO/docs/images}; else SHOTS=${SHOTS:-$REPO/.e2e/screenshots}; fi
W=$(mktemp -d "${TMPDIR:-/tmp}/l1vh-e2e.XXXXXX")
T0=$(date +%s); t() { echo "== e2e $1: $(( $(date +%s) - T0 ))s"; }
CSPID=""
cleanup() { if [ -n "$CSPID" ]; then kill -- "-$CSPID" 2>/dev/null || true; wait "$CSPID" 2>/dev/null || true; fi; CSPID=""; }
trap 'cleanup; rm -rf "$W"' EXIT
trap 'exit 143' TERM INT                    # so the EXIT trap also runs when we are killed
mkdir -p "$CACHE/tmp" "$W/tmp" "$W/xdg" "$SHOTS"
export npm_config_yes=true                 # node-pty's postinstall runs `npx node-gyp`

# 1. system packages and code-server, installed once
if ! command -v chromium >/dev/null || ! dpkg -s libkrb5-dev >/dev/null 2>&1 || ! command -v rg >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y -qq chromium libkrb5-dev ripgrep >/dev/null
fi
CS=$CACHE/cs-$CS_VERSION/node_modules/.bin/code-server
if [ ! -x "$CS" ]; then
  (cd "$CACHE/tmp" && timeout 300 npm pack --silent "code-server@$CS_VERSION" >/dev/null)
  # @vscode/ripgrep's postinstall downloads rg from GitHub: pre-seed its cache with Debian's rg
  RGV=$(tar xzf "$CACHE/tmp/code-server-$CS_VERSION.tgz" -O package/lib/vscode/npm-shrinkwrap.json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const p=JSON.parse(s).packages["node_modules/@vscode/ripgrep"];console.log(p?p.version:"")})')
  if [ -n "$RGV" ]; then mkdir -p "$CACHE/tmp/vscode-ripgrep-cache-$RGV"
    tar czf "$CACHE/tmp/vscode-ripgrep-cache-$RGV/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg; fi
  TMPDIR=$CACHE/tmp timeout 900 npm install --silent --prefix "$CACHE/cs-$CS_VERSION" --unsafe-perm "code-server@$CS_VERSION" >"$CACHE/cs-install.log" 2>&1 \
    || { tail -20 "$CACHE/cs-install.log"; echo "e2e: code-server install failed"; exit 1; }
fi
export TMPDIR=$W/tmp XDG_CONFIG_HOME=$W/xdg XDG_DATA_HOME=$W/xdg XDG_CACHE_HOME=$W/xdg
SMOKE=(); "$CS" --help 2>/dev/null | grep -q -- '--vscode-option' && SMOKE=(--vscode-option enable-smoke-test-driver) # newer builds need it for ?payload=
t "tools (code-server $("$CS" --version 2>/dev/null | tail -1))"

# 2. bundle + .vsix; fixtures copied so the tests' edits never touch the repo
(cd "$EXT" && timeout 300 node build.mjs && timeout 300 node scripts/package-vsix.mjs "$W/l1vh.vsix" >/dev/null)
rm -f "$EXT/out/test/suite/grep.txt"
if [ -n "${L1VH_SUITE_GREP:-}" ]; then printf '%s' "$L1VH_SUITE_GREP" >"$EXT/out/test/suite/grep.txt"; fi
cp -r "$EXT/test/fixtures/workspace" "$EXT/test/fixtures/untrusted" "$W/"
cp -r "$EXT/test/fixtures/workspace" "$W/ui"          # the UI check gets a folder with no restored editors
chmod -R u+w "$W/workspace" "$W/untrusted" "$W/ui"
t built

start_cs() { # $1 = user data dir, rest = extra flags
  local ud=$1; shift
  mkdir -p "$ud/User" "$W/exts"
  setsid "$CS" --bind-addr "127.0.0.1:$PORT" --auth none --disable-telemetry --disable-update-check \
    "${SMOKE[@]}" --user-data-dir "$ud" --extensions-dir "$W/exts" "$@" >"$ud.log" 2>&1 &
  CSPID=$!
  for _ in $(seq 150); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && return 0; sleep 0.2; done
  echo "e2e: code-server did not start"; tail -20 "$ud.log"; return 1
}
COMMON='"workbench.startupEditor":"none","extensions.autoUpdate":false,"extensions.autoCheckUpdates":false,"telemetry.telemetryLevel":"off","update.mode":"none","workbench.tips.enabled":false'
status=0

# 3 + 4. trusted: install the .vsix (the UI check runs it), main suite, UI check
mkdir -p "$W/ud1/User"
printf '{%s,"security.workspace.trust.enabled":false}' "$COMMON" >"$W/ud1/User/settings.json"
"$CS" --user-data-dir "$W/ud1" --extensions-dir "$W/exts" --install-extension "$W/l1vh.vsix" 2>&1 | tail -1
start_cs "$W/ud1" --disable-workspace-trust
t server-up
timeout 300 node "$EXT/test/e2e/run-suite.js" "http://127.0.0.1:$PORT" "$W/workspace" "$EXT" >"$W/suite-main.log" 2>&1 || status=1
grep -E '✔|✗|✓|[0-9]+\) |passing|failing|passed|failed|exit code|Error|activation' "$W/suite-main.log" | grep -v '^\s*at ' | head -80
t main-suite
if [ -z "${E2E_SKIP_UI:-}" ]; then   # E2E_SKIP_UI=1 / E2E_SKIP_UNTRUSTED=1: quicker runs while developing
  CS_URL="http://127.0.0.1:$PORT/?folder=$W/ui" SHOTS=$SHOTS timeout 180 node "$EXT/test/e2e/drive-ui.js" || status=1
fi
t ui-check
cleanup

# 5. untrusted: trust on, never prompt; the folder was never trusted
if [ -n "${E2E_SKIP_UNTRUSTED:-}" ]; then rm -f "$EXT/out/test/suite/grep.txt"
  if [ "$status" -ne 0 ] && [ -n "${E2E_KEEP_LOGS:-}" ]; then cp "$W"/*.log "$E2E_KEEP_LOGS"/ 2>/dev/null || true; fi; echo "e2e: $([ "$status" -eq 0 ] && echo passed || echo FAILED) (untrusted suite skipped)"; exit "$status"; fi
mkdir -p "$W/ud2/User"
printf '{%s,"security.workspace.trust.enabled":true,"security.workspace.trust.startupPrompt":"never","security.workspace.trust.banner":"never","security.workspace.trust.untrustedFiles":"open"}' "$COMMON" >"$W/ud2/User/settings.json"
start_cs "$W/ud2"
timeout 300 node "$EXT/test/e2e/run-suite.js" "http://127.0.0.1:$PORT" "$W/untrusted" "$EXT" >"$W/suite-untrusted.log" 2>&1 || status=1
grep -E '✔|✗|✓|[0-9]+\) |passing|failing|passed|failed|exit code|Error|activation' "$W/suite-untrusted.log" | grep -v '^\s*at ' | head -40
t untrusted-suite
cleanup
rm -f "$EXT/out/test/suite/grep.txt"
if [ "$status" -ne 0 ] && [ -n "${E2E_KEEP_LOGS:-}" ]; then cp "$W"/*.log "$E2E_KEEP_LOGS"/ 2>/dev/null || true; fi
echo "e2e: $([ "$status" -eq 0 ] && echo passed || echo FAILED) in $(( $(date +%s) - T0 ))s"
exit "$status"
