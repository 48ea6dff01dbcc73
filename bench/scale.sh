#!/usr/bin/env bash
# How the scheduler's cost grows (issue 12 part 4): the sleepers workload at n = 10^3 .. 10^6,
# natively and as wasm, tracing off and on; prints time per task and bytes per task.
#
#   bench/scale.sh                 uses the builds bench/run.sh makes (build/bench, build/bench-wasm)
#   BENCH_REPEAT=3                 runs per point; the fastest time and the largest peak are kept
#
# Bytes per task = (peak at n - peak at n = 0) / n: the process's own start (and the wasm memory's
# initial size) is taken off. The wasm figure is the memory's size, which grows in steps, so at
# small n it is coarse. Not a test: nothing is checked against a time.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
repeat="${BENCH_REPEAT:-3}"
native=build/bench/bench/asyncrace-bench
wasm=build/bench-wasm/bench/asyncrace-bench.js
[ -x "$native" ] && [ -f "$wasm" ] || { echo "scale: run bench/run.sh first (it builds both)" >&2; exit 1; }
results=build/bench/scale.txt
: >"$results"
for n in 0 1000 10000 100000 1000000; do
  for tracing in off on; do
    for _ in $(seq "$repeat"); do
      "$native" sleepers "$tracing" "$n" | sed 's/^asyncrace /native /' >>"$results"
      node "$wasm" sleepers "$tracing" "$n" | sed 's/^asyncrace /wasm /' >>"$results"
    done
  done
done
python3 - "$results" <<'PY' | tee build/bench/scale.md
import sys
from collections import defaultdict
best = defaultdict(lambda: [float("inf"), 0.0])
for line in open(sys.argv[1]):
    impl, _, *fields = line.split()
    f = dict(x.split("=", 1) for x in fields)
    key = (impl, f["tracing"], int(f["n"]))
    best[key][0] = min(best[key][0], float(f["seconds"]))
    best[key][1] = max(best[key][1], float(f["peak_mb"]))
sizes = [1000, 10000, 100000, 1000000]
print("| sleepers | tracing | " + " | ".join(f"10^{len(str(n)) - 1}" for n in sizes) + " |")
print("|---|---|" + "---:|" * len(sizes))
for impl in ("native", "wasm"):
    for tracing in ("off", "on"):
        base = best[impl, tracing, 0][1]
        cells = []
        for n in sizes:
            seconds, peak = best[impl, tracing, n]
            cells.append(f"{seconds / n * 1e9:.0f} ns, {(peak - base) * 1048576 / n:.0f} B")
        print(f"| {impl} | {tracing} | " + " | ".join(cells) + " |")
PY
