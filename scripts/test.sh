#!/usr/bin/env bash
# Runs every test: installs what is missing, then the native doctest suites and checks under
# AddressSanitizer + UBSan, the same suites compiled to wasm under node, and the browser tests in
# headless Chromium against the built page. Ends with one line "tests: N passed, M failed".
# (The plain native preset builds the same suites without sanitizers; CI skips it, since the
# sanitized run checks strictly more and the time goes to the wasm and browser runs.)
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./scripts/install-deps.sh || exit 1

passed=0 failed=0 broken=()
stamp() { printf '   (%ds so far)\n' "$SECONDS"; }
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

# ctest_preset <preset>: configure, build, run; adds its counts to the totals.
ctest_preset() {
  local preset="$1"
  echo "== $preset: configure and build"
  if ! { cmake --preset "$preset" >/dev/null && cmake --build --preset "$preset"; } >"$log" 2>&1; then
    cat "$log"; broken+=("$preset (build)"); failed=$((failed + 1)); return
  fi
  echo "== $preset: ctest"
  ctest --preset "$preset" 2>&1 | tee "$log" | grep -E "tests passed|FAILED|Failed|\*\*\*|Exception" || true
  local line total bad
  line="$(grep -E "tests passed, [0-9]+ tests? failed out of [0-9]+" "$log" | tail -1)"
  if [ -z "$line" ]; then broken+=("$preset (no ctest summary)"); failed=$((failed + 1)); return; fi
  total="$(sed -E 's/.*out of ([0-9]+).*/\1/' <<<"$line")"
  bad="$(sed -E 's/.*, ([0-9]+) tests? failed.*/\1/' <<<"$line")"
  passed=$((passed + total - bad)); failed=$((failed + bad))
  if [ "$bad" -ne 0 ]; then
    broken+=("$preset")
    # What each failing test printed (ctest's --output-on-failure blocks), so a CI log shows why.
    awk '/^ *[0-9]+\/[0-9]+ Test +#[0-9]+: .*\*\*\*/{show=1; n=0} /^ *[0-9]+\/[0-9]+ Test +#[0-9]+: .*Passed/{show=0}
         show && n++ < 60' "$log"
  fi
  stamp
}

echo "== dependencies ready"; stamp
ctest_preset native-asan
ctest_preset web

echo "== browser: Playwright + Debian's Chromium against build/web/site"
if [ -f build/web/site/index.html ]; then
  ASYNCRACE_SITE_DIR="$root/build/web/site" ASYNCRACE_ARTIFACTS_DIR="$root/build/web/artifacts" \
    node --test --test-concurrency=1 tests/web/ >"$log" 2>&1
  # Each test's line, and the details of any that failed.
  grep -E "^\s*(ok|not ok) [0-9]+ - " "$log"
  grep -E "^not ok|^\s+not ok" -A 25 "$log" | grep -vE "^\s*$" | head -80
  grep -E "^# (tests|pass|fail) " "$log"
  p="$(grep -E "^# pass [0-9]+" "$log" | awk '{print $3}')"
  f="$(grep -E "^# fail [0-9]+" "$log" | awk '{print $3}')"
  if [ -z "$p" ]; then broken+=("browser (no summary)"); failed=$((failed + 1)); else
    passed=$((passed + p)); failed=$((failed + f)); [ "$f" -eq 0 ] || broken+=("browser"); fi
else
  broken+=("browser (no site built)"); failed=$((failed + 1))
fi
stamp

echo
[ ${#broken[@]} -eq 0 ] || echo "failing: ${broken[*]}"
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
