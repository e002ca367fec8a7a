#!/usr/bin/env bash
# Runs every test: typecheck, unit + golden + CLI tests (vitest), the golden score of the built
# CLI, and the VS Code extension suite in a real VS Code (code-server). Ends with one line
# "tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || { echo "tests: 0 passed, 1 failed"; exit 1; }
# The ecosystem's validators (virt-xml-validate, promtool, xmllint) that tests/validators.test.ts runs
# on our outputs; required here, so a missing one fails instead of being skipped.
bash scripts/install-validators.sh || { echo "tests: 0 passed, 1 failed (validators could not be installed)"; exit 1; }
export L1VH_REQUIRE_VALIDATORS=1
mkdir -p .bench
failed=0
passed=0

echo "== typecheck"
if pnpm run -s typecheck; then passed=$((passed+1)); else failed=$((failed+1)); fi

echo "== vitest (unit, golden, CLI)"
pnpm exec vitest run --reporter=default --reporter=json --outputFile=.bench/vitest.json
vit=$?
read vp vf < <(node -e 'try{const r=require("./.bench/vitest.json");console.log(r.numPassedTests, r.numFailedTests+(r.numRuntimeErrorTests||0))}catch{console.log("0 1")}')
passed=$((passed+vp)); failed=$((failed+vf))
if [ "$vit" -ne 0 ] && [ "$vf" -eq 0 ]; then failed=$((failed+1)); fi

if [ -f ../shared/golden/score.py ]; then
  echo "== golden score of the built CLI (as outside checks run it)"
  python3 ../shared/golden/score.py ../shared/golden/generated selection vmi xml-tree xml overhead resources || true
fi

if [ -f packages/vscode-ext/scripts/e2e.sh ]; then
  echo "== VS Code extension in code-server"
  if bash packages/vscode-ext/scripts/e2e.sh; then passed=$((passed+1)); else failed=$((failed+1)); fi
fi

echo "tests: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
