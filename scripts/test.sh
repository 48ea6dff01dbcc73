#!/usr/bin/env bash
# Runs every test: installs what is missing, then the native doctest suites and checks under
# AddressSanitizer + UBSan, the same suites compiled to wasm under node, the browser tests in
# headless Chromium against the built page, and the real pool's suite under ThreadSanitizer.
# Ends with one line "tests: N passed, M failed".
# (The plain native preset builds the same suites without sanitizers; CI skips it, since the
# sanitized run checks strictly more and the time goes to the wasm and browser runs.)
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# What the native build needs first; the rest (Emscripten, Chromium, the ImGui/SDL2 sources, npm)
# installs in the background while that build runs, and is awaited before the web build.
./scripts/install-deps.sh native || exit 1

passed=0 failed=0 broken=()
stamp() { printf '   (%ds so far)\n' "$SECONDS"; }
logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT
./scripts/install-deps.sh >"$logs/deps" 2>&1 &
deps=$!

# build <preset>: configure and build; false (with the log shown) when that fails.
build() {
  echo "== $1: configure and build"
  configure_and_build "$1"
  report_build "$1" $?
}
# configure_and_build <preset> [nice]: quietly, into $logs/<preset>.build; false when it fails.
configure_and_build() {
  local run=()
  [ "${2:-}" = nice ] && run=(nice -n 19)
  { "${run[@]}" cmake --preset "$1" >/dev/null && "${run[@]}" cmake --build --preset "$1"; } >"$logs/$1.build" 2>&1
}
# report_build <preset> <status of configure_and_build>: shows the log when it failed.
report_build() {
  if [ "$2" -ne 0 ]; then
    cat "$logs/$1.build"; broken+=("$1 (build)"); failed=$((failed + 1)); return 1
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

echo "== dependencies for the native build ready"; stamp
# Two cores: a suite runs while the next build or the browser tests go on, never two builds at once.
asan_ctest=""
if build native-asan; then
  ctest --preset native-asan >"$logs/native-asan.ctest" 2>&1 &
  asan_ctest=$!
fi
web_built=0
if wait "$deps"; then
  grep -E "^\[install-deps\]" "$logs/deps"
  echo "== dependencies ready"; stamp
  build web && web_built=1
else
  cat "$logs/deps"; broken+=("dependencies (scripts/install-deps.sh)"); failed=$((failed + 1))
fi
if [ -n "$asan_ctest" ]; then wait "$asan_ctest"; count_ctest native-asan; fi
# In the background while the browser tests run: the wasm suites, then the lean ThreadSanitizer
# build (the real pool's suite only) at the lowest priority, so that it takes only the CPU the
# browser tests leave idle (they keep about one of the two cores busy), and its suite.
(
  if [ "$web_built" -eq 1 ]; then ctest --preset web >"$logs/web.ctest" 2>&1; echo "$SECONDS" >"$logs/web.done-at"; fi
  configure_and_build native-tsan nice
  status=$?
  echo "$SECONDS" >"$logs/native-tsan.built-at"
  [ "$status" -eq 0 ] && ctest --preset native-tsan >"$logs/native-tsan.ctest" 2>&1
  exit "$status"
) &
background=$!

echo "== browser: Playwright + Debian's Chromium against build/web/site"
log="$logs/browser"
if [ "$web_built" -eq 1 ] && [ -f build/web/site/index.html ]; then
  ASYNCRACE_SITE_DIR="$root/build/web/site" ASYNCRACE_ARTIFACTS_DIR="$root/build/web/artifacts" \
    node --test --test-concurrency=1 tests/web/ >"$log" 2>&1
  # Each test's line, and the details of any that failed.
  grep -E "^\s*(ok|not ok) [0-9]+ - " "$log"
  grep -E "^not ok|^\s+not ok" -A 25 "$log" | grep -vE "^\s*$" | head -80
  grep -E "^# (tests|pass|fail|skipped|todo) " "$log"
  p="$(grep -E "^# pass [0-9]+" "$log" | awk '{print $3}')"
  f="$(grep -E "^# fail [0-9]+" "$log" | awk '{print $3}')"
  if [ -z "$p" ]; then broken+=("browser (no summary)"); failed=$((failed + 1)); else
    passed=$((passed + p)); failed=$((failed + f)); [ "$f" -eq 0 ] || broken+=("browser"); fi
  # A skipped or todo test checked nothing: the run fails, so that one never hides for long.
  s="$(grep -E "^# skipped [0-9]+" "$log" | awk '{print $3}')"
  t="$(grep -E "^# todo [0-9]+" "$log" | awk '{print $3}')"
  if [ "${s:-0}" -ne 0 ] || [ "${t:-0}" -ne 0 ]; then
    broken+=("browser (${s:-0} skipped, ${t:-0} todo)"); failed=$((failed + 1))
  fi
else
  broken+=("browser (no site built)"); failed=$((failed + 1))
fi
stamp
wait "$background"
tsan_status=$?
if [ "$web_built" -eq 1 ]; then count_ctest web; echo "   (done at $(cat "$logs/web.done-at")s)"; fi
echo "== native-tsan: configure and build (in the background, built at $(cat "$logs/native-tsan.built-at")s)"
if report_build native-tsan "$tsan_status"; then count_ctest native-tsan; fi
stamp

echo
[ ${#broken[@]} -eq 0 ] || echo "failing: ${broken[*]}"
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
