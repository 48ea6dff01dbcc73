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
logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT

# build <preset>: configure and build; false (with the log shown) when that fails.
build() {
  local preset="$1"
  echo "== $preset: configure and build"
  if ! { cmake --preset "$preset" >/dev/null && cmake --build --preset "$preset"; } >"$logs/$preset.build" 2>&1; then
    cat "$logs/$preset.build"; broken+=("$preset (build)"); failed=$((failed + 1)); return 1
  fi
  stamp
}

# count_ctest <preset>: adds the counts of a finished ctest log to the totals, shows failures.
count_ctest() {
  local preset="$1" log="$logs/$1.ctest" line total bad
  echo "== $preset: ctest"
  grep -E "tests passed|FAILED|Failed|\*\*\*|Exception" "$log" || true
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
}

echo "== dependencies ready"; stamp
# Two cores: a suite runs while the next build or the browser tests go on, never two builds at once.
asan_ctest=""
if build native-asan; then
  ctest --preset native-asan >"$logs/native-asan.ctest" 2>&1 &
  asan_ctest=$!
fi
web_built=0
build web && web_built=1
if [ -n "$asan_ctest" ]; then wait "$asan_ctest"; count_ctest native-asan; fi
web_ctest=""
if [ "$web_built" -eq 1 ]; then
  ctest --preset web >"$logs/web.ctest" 2>&1 &
  web_ctest=$!
fi

echo "== browser: Playwright + Debian's Chromium against build/web/site"
log="$logs/browser"
if [ "$web_built" -eq 1 ] && [ -f build/web/site/index.html ]; then
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
if [ -n "$web_ctest" ]; then wait "$web_ctest"; count_ctest web; fi
stamp

echo
[ ${#broken[@]} -eq 0 ] || echo "failing: ${broken[*]}"
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
