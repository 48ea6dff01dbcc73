#!/usr/bin/env bash
# The benchmark: the same workloads on CPython 3.11's asyncio, on asyncrace natively and on
# asyncrace compiled to wasm under node, with tracing off and on. Builds what it needs (Release:
# build/bench natively, build/bench-wasm with Emscripten), runs everything, prints one table and
# writes it to build/bench/results.md.
#
#   bench/run.sh [n]              n = tasks / chain depth (default 1000000)
#   BENCH_REPEAT=3                runs of each asyncrace measurement; the fastest is reported
#   BENCH_CPYTHON_REPEAT=1        runs of each CPython measurement (about a minute each at 1e6)
#   PYTHON=python3                the CPython 3.11 to compare with
#
# Not a test: nothing is checked against a time. Wall times are measured inside each program
# (steady_clock / perf_counter around the run, process start excluded), one workload per process
# so that each peak memory figure is that workload's own.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
n="${1:-1000000}"
repeat="${BENCH_REPEAT:-3}"
cpython_repeat="${BENCH_CPYTHON_REPEAT:-1}"
python="${PYTHON:-python3}"

if ! "$python" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
  echo "bench: the anchor is CPython 3.11; '$python' is $("$python" --version 2>&1 || echo missing)" >&2
  exit 1
fi
for tool in cmake ninja emcmake node; do
  command -v "$tool" >/dev/null || { echo "bench: $tool not found (scripts/install-deps.sh installs it)" >&2; exit 1; }
done
# Every emcc call needs Debian's node-acorn (docs/toolchain.md).
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"
[ -x /usr/bin/python3 ] && export EMSDK_PYTHON=/usr/bin/python3

options=(-G Ninja -DCMAKE_BUILD_TYPE=Release -DASYNCRACE_BUILD_APP=OFF -DASYNCRACE_BUILD_TESTS=OFF
         -DASYNCRACE_BUILD_BENCH=ON)
echo "== build: native Release in build/bench"
[ -f build/bench/build.ninja ] || cmake -S . -B build/bench "${options[@]}" >/dev/null
cmake --build build/bench -j2 --target asyncrace-bench | tail -1
echo "== build: wasm Release in build/bench-wasm"
[ -f build/bench-wasm/build.ninja ] ||
  emcmake cmake -S . -B build/bench-wasm "${options[@]}" -DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node >/dev/null
cmake --build build/bench-wasm -j2 --target asyncrace-bench | tail -1

native=build/bench/bench/asyncrace-bench
wasm=build/bench-wasm/bench/asyncrace-bench.js
results=build/bench/results.txt
: >"$results"
# Native and wasm runs alternate, so a change in background load hits both alike.
for workload in sleepers create_task chain; do
  echo "== $workload (n = $n)"
  for _ in $(seq "$cpython_repeat"); do
    "$python" bench/asyncio_workloads.py "$workload" "$n" | tee -a "$results"
  done
  for tracing in off on; do
    for _ in $(seq "$repeat"); do
      "$native" "$workload" "$tracing" "$n" | sed 's/^asyncrace /native /' | tee -a "$results"
      node "$wasm" "$workload" "$tracing" "$n" | sed 's/^asyncrace /wasm /' | tee -a "$results"
    done
  done
done

echo
"$python" bench/report.py "$results" --n "$n" \
  --emcc "Emscripten $(emcc --version 2>/dev/null | head -1 | grep -oE "[0-9]+\.[0-9]+\.[0-9]+" | head -1)" |
  tee build/bench/results.md
