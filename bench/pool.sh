#!/usr/bin/env bash
# The real executor pool's benchmark (issue 5): 30 × cpu_bound on 1 and on 2 workers, the speedup
# (2.0× is the limit on 2 cores) and the worker round trip, natively (std::thread pool,
# bench/pool_bench.cpp, built Release in build/bench-pool) and in Debian's headless Chromium (the
# page's Web Workers, bench/pool_web.mjs, on the built site build/web/site). Prints one table and
# writes it to build/bench-pool/results.md. Not a test: nothing is checked against a time.
#
#   bench/pool.sh [repeat] [native trips] [web trips]    defaults: 3 runs (best reported) after a
#                                                         warm-up, 2000 and 1000 round trips
#   POOL_BENCH=native|web|both (both)   which half to run
#   MAX_LOAD=1.5 LOAD_WAIT=300          before each half, wait up to LOAD_WAIT s for the 1-minute
#                                       load average to drop to MAX_LOAD (the machine may be busy
#                                       with builds), then run anyway; the load is reported
#   VIEWPORTS=1280x800,320x200          the page sizes the Chromium half measures (see pool_web.mjs)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
repeat="${1:-3}"
native_trips="${2:-2000}"
web_trips="${3:-1000}"
which="${POOL_BENCH:-both}"
max_load="${MAX_LOAD:-1.5}"
load_wait="${LOAD_WAIT:-300}"
out=build/bench-pool
mkdir -p "$out"

load1() { cut -d' ' -f1 /proc/loadavg; }
# The machine's busy CPU seconds so far (all cores; /proc/stat counts in 1/100 s).
machine_busy() { awk '/^cpu / { printf "%.2f", ($2 + $3 + $4 + $7 + $8 + $9) / 100 }' /proc/stat; }
# CPU seconds this shell's finished children used so far, into $children (`times` must run in
# this shell itself: a subshell's children are its own).
children_cpu() {
  times >"$out/times.txt"
  children="$(awk 'NR == 2 { s = 0; for (i = 1; i <= 2; ++i) { split($i, a, /[ms]/); s += a[1] * 60 + a[2] }
                             printf "%.2f", s }' "$out/times.txt")"
}
wait_for_load() {
  local waited=0
  while awk -v l="$(load1)" -v m="$max_load" 'BEGIN { exit !(l > m) }'; do
    if [ "$waited" -ge "$load_wait" ]; then
      echo "   load $(load1) still above $max_load after ${waited} s: running anyway"
      return
    fi
    [ "$waited" -eq 0 ] && echo "   load $(load1) > $max_load: waiting (up to ${load_wait} s) …"
    sleep 10
    waited=$((waited + 10))
  done
  [ "$waited" -gt 0 ] && echo "   load $(load1) after ${waited} s"
  return 0
}

native_txt="$out/native.txt"
web_json="$out/web.json"
rm -f "$native_txt" "$web_json"
load_native="" load_web=""

if [ "$which" != web ]; then
  echo "== native: std::thread pool (build/bench-pool, Release)"
  [ -f build/bench-pool/build.ninja ] ||
    cmake -S . -B build/bench-pool -G Ninja -DCMAKE_BUILD_TYPE=Release -DASYNCRACE_BUILD_APP=OFF \
          -DASYNCRACE_BUILD_TESTS=OFF -DASYNCRACE_BUILD_BENCH=ON >/dev/null
  cmake --build build/bench-pool -j2 --target asyncrace-pool-bench | tail -1
  wait_for_load
  load_native="$(cut -d' ' -f1-3 /proc/loadavg)"
  children_cpu
  busy0="$(machine_busy)" own0="$children" t0="$(date +%s.%N)"
  status=0
  build/bench-pool/bench/asyncrace-pool-bench "$repeat" "$native_trips" >"$native_txt" || status=$?
  children_cpu
  cat "$native_txt"
  others="$(awk -v b0="$busy0" -v b1="$(machine_busy)" -v o0="$own0" -v o1="$children" \
                -v t0="$t0" -v t1="$(date +%s.%N)" \
                'BEGIN { o = (b1 - b0) - (o1 - o0); if (o < 0) o = 0; printf "%.2f", o / (t1 - t0) }')"
  load_native="$load_native → $(cut -d' ' -f1-3 /proc/loadavg); other processes used $others cores meanwhile"
  [ "$status" -eq 0 ] || { echo "pool bench: wrong checksums (exit $status)" >&2; exit "$status"; }
fi

if [ "$which" != native ]; then
  echo
  echo "== Chromium: the page's Web Workers (build/web/site, headless /usr/bin/chromium)"
  if [ ! -f build/web/site/index.html ]; then
    [ -f build/web/build.ninja ] || { echo "no build/web: ./scripts/play.sh or cmake --preset web builds it" >&2; exit 1; }
    cmake --build build/web
  fi
  [ -d node_modules/playwright-core ] || { echo "no node_modules/playwright-core: scripts/install-deps.sh installs it" >&2; exit 1; }
  wait_for_load
  load_web="$(cut -d' ' -f1-3 /proc/loadavg)"
  node bench/pool_web.mjs --json --repeat "$repeat" --trips "$web_trips" \
       --viewports "${VIEWPORTS:-1280x800,320x200}" >"$web_json"
  load_web="$load_web → $(cut -d' ' -f1-3 /proc/loadavg)"
fi

# One table from both halves.
echo
NATIVE_TXT="$native_txt" WEB_JSON="$web_json" LOAD_NATIVE="$load_native" LOAD_WEB="$load_web" \
REPEAT="$repeat" COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo '?')" node - <<'EOF' | tee "$out/results.md"
const fs = require('node:fs');
const os = require('node:os');
const env = process.env;
const read = (f) => { try { return fs.readFileSync(f, 'utf8'); } catch { return ''; } };
const nat = read(env.NATIVE_TXT);
const web = read(env.WEB_JSON) ? JSON.parse(read(env.WEB_JSON)) : null;
const num = (re) => { const m = nat.match(re); return m ? Number(m[1]) : NaN; };
const s = (x) => `${x.toFixed(3)} s`;
const ms = (x) => (x < 1 ? `${x.toFixed(2)} ms` : `${x.toFixed(1)} ms`);
const median = (xs) => { const v = [...xs].sort((a, b) => a - b); return v[Math.floor((v.length - 1) / 2)]; };
const rows = [];
const notes = [];
if (nat) {
  const t1 = num(/30 x cpu_bound, 1 worker \| ([\d.]+) s/), t2 = num(/30 x cpu_bound, 2 workers \| ([\d.]+) s/);
  const med = num(/median ([\d.]+) µs/), p99 = num(/p99 ([\d.]+) µs/);
  rows.push(`| native std::thread | ${s(t1)} | ${s(t2)} | ${(t1 / t2).toFixed(2)}× | ${med.toFixed(1)} µs (p99 ${p99.toFixed(1)} µs) |`);
  notes.push(`native: one cpu_bound on the calling thread ${s(num(/calling thread \| ([\d.]+) s/))}; load (1/5/15 min) ${env.LOAD_NATIVE}`);
}
if (web) {
  for (const c of web.configs) {
    const rt = c.round_trip;
    rows.push(`| Chromium Web Workers, page ${c.viewport.replace('x', '×')} | ${s(c.one.best.elapsed)} | ${s(c.two.best.elapsed)} | ` +
              `${c.speedup.toFixed(2)}× | ${ms(rt.median_ms)} (p99 ${ms(rt.p99_ms)}) |`);
    const cpu = (r) => {
      if (!r.cpu) return '';
      const g = r.cpu.groups;
      const gpu = g['GPU process (SwiftShader)'] ?? 0, workers = g['Web Workers'] ?? 0, main = g['page main thread'] ?? 0;
      return `; CPU (cores, averaged over the timed runs and the waits between them): workers ${(workers / r.cpu.wall).toFixed(2)}, GPU process ${(gpu / r.cpu.wall).toFixed(2)}, ` +
             `page main thread ${(main / r.cpu.wall).toFixed(2)}, other processes ${(r.cpu.others / r.cpu.wall).toFixed(2)} cores`;
    };
    // Where the 2 workers' time went: how busy the pool kept them, and how much slower each job ran
    // than on 1 worker (the CPU shared with the page's drawing): speedup = 2 × busy2 / busy1 / slower.
    const busy = (r) => r.best.jobs_cpu / (r.workers * r.best.elapsed);
    notes.push(`Chromium, page ${c.viewport}: the pool kept its workers busy ${(100 * busy(c.one)).toFixed(0)} % (1 worker) and ` +
               `${(100 * busy(c.two)).toFixed(0)} % (2 workers) of the run; with 2 workers a job took ` +
               `${(c.two.best.jobs_cpu / c.one.best.jobs_cpu).toFixed(2)}× as long as with 1`);
    for (const r of [c.one, c.two])
      notes.push(`Chromium, page ${c.viewport}, ${r.workers} worker${r.workers > 1 ? 's' : ''}: jobs' time (sum of the 30 jobs' ` +
                 `durations on their workers) ${s(r.best.jobs_cpu)}, workers idle between jobs ${s(r.best.idle_between_jobs)}, ` +
                 `${r.fps.toFixed(1)} frames/s${cpu(r)}`);
  }
  notes.push('round trips (sequential, empty message): ' +
             [...web.configs.map((c) => [`page ${c.viewport}`, c.round_trip]), ['empty page', web.round_trip_empty_page]]
               .map(([n, r]) => `${r.trips} from the ${n} (mean ${ms(r.mean_ms)}, max ${ms(r.max_ms)})`).join(', '));
  const e = web.round_trip_empty_page;
  rows.push(`| Chromium, an empty page (messages only) | | | | ${ms(e.median_ms)} (p99 ${ms(e.p99_ms)}, mean ${ms(e.mean_ms)}) |`);
  const firsts = [...web.configs.flatMap((c) => c.round_trip.first_start_ms), ...e.first_start_ms];
  notes.push(`Web Worker first start (new Worker → first reply), median ${median(e.first_start_ms).toFixed(0)} ms from the empty page, ` +
             web.configs.map((c) => `${median(c.round_trip.first_start_ms).toFixed(0)} ms from the page at ${c.viewport}`).join(', ') +
             ` (all: ${firsts.map((x) => x.toFixed(0)).join(', ')})`);
  notes.push(`Chromium ${web.chromium}, headless, --disable-gpu (WebGL on SwiftShader); performance.now() is coarsened to 0.1 ms ` +
             `(no cross-origin isolation); load (1/5/15 min) ${env.LOAD_WEB}`);
}
console.log(`| best of ${env.REPEAT}, 30 × cpu_bound | 1 worker | 2 workers | speedup | worker round trip (median) |`);
console.log('|---|---:|---:|---:|---:|');
for (const r of rows) console.log(r);
console.log('');
console.log(`${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, Linux ${os.release()}, commit ${env.COMMIT}`);
for (const n of notes) console.log(`- ${n}`);
EOF
