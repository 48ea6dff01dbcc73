#!/usr/bin/env bash
# The real executor pool's benchmark (issue 5), natively: 30 × cpu_bound on 1 and on 2 std::thread
# workers, the speedup (2.0× is the limit on 2 cores), and the worker round-trip latency.
# Builds Release in build/bench-pool. Not a test: nothing is checked against a time.
#
#   bench/pool.sh [repeat] [round trips]    defaults: 3 runs (best reported), 2000 trips
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
[ -f build/bench-pool/build.ninja ] ||
  cmake -S . -B build/bench-pool -G Ninja -DCMAKE_BUILD_TYPE=Release -DASYNCRACE_BUILD_APP=OFF \
        -DASYNCRACE_BUILD_TESTS=OFF -DASYNCRACE_BUILD_BENCH=ON >/dev/null
cmake --build build/bench-pool -j2 --target asyncrace-pool-bench | tail -1
build/bench-pool/bench/asyncrace-pool-bench "${1:-3}" "${2:-2000}"
