#!/usr/bin/env bash
# The interpreter benchmark: bench/python/<workload>.py on CPython 3.11 (bench/python_workloads.py,
# timed inside CPython around exec) and on asyncrace's interpreter natively and as wasm under node
# (asyncrace-pybench, timed inside around the run; compiling excluded on both sides). Prints one
# table of seconds and ratios and writes it to build/pybench/results.md.
#
#   bench/python.sh [workload ...]   default: loop fib cpu_bound gather_sleep queue
#   BENCH_REPEAT=3                   runs of each measurement; the fastest is reported
#
# Not a test: nothing is checked against a time. Targets (issue 9): the asyncio-bound rows
# (gather_sleep, queue) >= 5x CPython's speed; the pure-Python rows (loop, fib, cpu_bound) at
# least half of CPython's speed; wasm within 1.5x of native.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
repeat="${BENCH_REPEAT:-3}"
workloads=("$@")
[ ${#workloads[@]} -gt 0 ] || workloads=(loop fib cpu_bound gather_sleep queue)
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"
[ -x /usr/bin/python3 ] && export EMSDK_PYTHON=/usr/bin/python3

options=(-G Ninja -DCMAKE_BUILD_TYPE=Release -DASYNCRACE_BUILD_APP=OFF -DASYNCRACE_BUILD_TESTS=OFF -DASYNCRACE_BUILD_BENCH=ON)
command -v ccache >/dev/null && options+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
# The wasm side is compiled as the page is (the `web` preset's -O2), not at CMake's Release -O3.
wasm_options=(-DCMAKE_C_FLAGS_RELEASE="-O2 -DNDEBUG" -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG")
echo "== build: native Release in build/pybench"
[ -f build/pybench/build.ninja ] || cmake -S . -B build/pybench "${options[@]}" >/dev/null
cmake --build build/pybench -j2 --target asyncrace-pybench | tail -1
echo "== build: wasm Release in build/pybench-wasm"
[ -f build/pybench-wasm/build.ninja ] || emcmake cmake -S . -B build/pybench-wasm "${options[@]}" "${wasm_options[@]}" >/dev/null
cmake --build build/pybench-wasm -j2 --target asyncrace-pybench | tail -1

best() {  # best <command...>: the fastest of $repeat runs' JSON lines
  local out="" line
  for _ in $(seq "$repeat"); do
    line="$("$@")" || { echo "bench: '$*' failed: $line" >&2; exit 1; }
    out+="$line"$'\n'
  done
  python3 -c 'import json,sys; rows=[json.loads(l) for l in sys.stdin if l.strip()]; print(json.dumps(min(rows, key=lambda r: r["seconds"])))' <<<"$out"
}

results="$(mktemp)"
for w in "${workloads[@]}"; do
  echo "== $w"
  cpython="$(python3 bench/python_workloads.py "$w" --repeat "$repeat")"
  native="$(best build/pybench/bench/asyncrace-pybench "bench/python/$w.py")"
  wasm="$(best node build/pybench-wasm/bench/asyncrace-pybench.js "bench/python/$w.py")"
  printf '%s\t%s\t%s\t%s\n' "$w" "$cpython" "$native" "$wasm" >>"$results"
done

commit="$(git rev-parse --short HEAD)"
python3 - "$results" "$commit" <<'PY' | tee build/pybench/results.md
import json, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
print(f"Measured at commit {sys.argv[2]} (best of runs; seconds inside each process, compiling excluded):\n")
print("| workload | CPython s | native s | wasm s | native vs CPython | wasm vs CPython | wasm / native | same output |")
print("|---|---:|---:|---:|---:|---:|---:|---|")
for name, c, n, w in rows:
    c, n, w = json.loads(c), json.loads(n), json.loads(w)
    same = "yes" if c["check"] == n["check"] == w["check"] else f"no ({c['check']!r} / {n['check']!r} / {w['check']!r})"
    print(f"| {name} | {c['seconds']:.3f} | {n['seconds']:.3f} | {w['seconds']:.3f} | "
          f"{c['seconds'] / n['seconds']:.2f}x | {c['seconds'] / w['seconds']:.2f}x | {w['seconds'] / n['seconds']:.2f} | {same} |")
PY
rm -f "$results"
