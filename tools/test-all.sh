#!/usr/bin/env bash
# The project's one test command (`npm test`): installs what is missing, then runs the type checks,
# the layer rule, the scenario checks, the unit tests and the browser tests. Every stage runs even
# if an earlier one fails; the last line is "N passed, N failed" over all of them.
set -uo pipefail
cd "$(dirname "$0")/.."
bash tools/ensure-deps.sh --browser --postgres || { echo "0 passed, 1 failed"; exit 1; }
mkdir -p test-results
rm -f test-results/*.json
failed_stages=()
stage() {
  local name=$1; shift
  echo "━━ $name"
  if ! "$@"; then failed_stages+=("$name"); fi
}
stage "type check" npx tsc --noEmit -p tsconfig.json
stage "pure core type check (no DOM, no node)" npx tsc --noEmit -p tsconfig.pure.json
stage "layer rule" npx tsx tools/check-layers.ts
stage "scenario JSON Schema up to date" npx tsx tools/scenarios-schema.ts --check
stage "scenario grid up to date" npx tsx tools/scenarios-grid.ts --check
stage "scenario check" npm run -s scenarios:check
stage "unit tests" npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
stage "browser tests" env PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright.json npx playwright test --reporter=list,json
npx tsx tools/test-summary.ts "${#failed_stages[@]}" "${failed_stages[@]}"
