#!/usr/bin/env bash
# The Python front end (source -> tokens -> tree, then scopes) against CPython 3.11's own
# (ast.parse, then symtable.symtable) on every valid program of the repository, natively (the
# `native` preset, RelWithDebInfo), in CPU time. Prints one table of throughputs and ratios. Not
# a test. CPython's ast.parse also turns its C tree into Python objects, which ours need not do.
set -euo pipefail
cd "$(dirname "$0")/.."
reps="${REPS:-50}"
cmake --preset native -DASYNCRACE_BUILD_BENCH=ON >/dev/null
nice -n 5 cmake --build --preset native --target asyncrace-front-bench >/dev/null
mapfile -t files < <(python3 - <<'PY'
import pathlib, warnings
warnings.simplefilter("ignore")
for d in ("src/tutorials", "tests/python/corpus"):
    for p in sorted(pathlib.Path(d).rglob("*.py")):
        try:
            compile(p.read_text(encoding="utf-8"), str(p), "exec")
        except SyntaxError:
            continue
        print(p)
PY
)
ours="$(build/native/bench/asyncrace-front-bench "$reps" "${files[@]}")"
python3 - "$reps" "$ours" "${files[@]}" <<'PY'
import ast, symtable, sys, time
reps, ours, files = int(sys.argv[1]), sys.argv[2].split(), sys.argv[3:]
texts = [open(f, encoding="utf-8").read() for f in files]
def clock(fn):
    for t in texts: fn(t)  # warm up
    start = time.process_time()  # CPU time, as the C++ side measures
    for _ in range(reps):
        for t in texts: fn(t)
    return time.process_time() - start
cp_parse = clock(ast.parse)
cp_front = clock(lambda t: (ast.parse(t), symtable.symtable(t, "p.py", "exec")))
v = dict(zip(ours[0::2], ours[1::2]))
mb = int(v["bytes"]) * reps / 1e6
print(f"{len(files)} programs, {int(v['bytes'])} bytes, {reps} repetitions")
print(f"{'stage':<28}{'asyncrace MB/s':>16}{'CPython 3.11 MB/s':>20}{'ratio':>8}")
for name, ours_s, cp_s in (("parse (source -> tree)", float(v["parse_s"]), cp_parse),
                           ("parse + scopes", float(v["parse_scopes_s"]), cp_front)):
    print(f"{name:<28}{mb / ours_s:>16.1f}{mb / cp_s:>20.1f}{cp_s / ours_s:>7.1f}x")
PY
