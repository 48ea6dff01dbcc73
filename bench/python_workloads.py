#!/usr/bin/env python3
"""The interpreter benchmark's CPython side: bench/python/<workload>.py, timed inside CPython 3.11.

    python3 bench/python_workloads.py [WORKLOAD ...] [--repeat N]

WORKLOAD is one of loop, fib, cpu_bound, gather_sleep, queue (default: all five, in that order).
Each workload is the source of bench/python/<workload>.py, the very file asyncrace's interpreter
runs (`asyncrace run-file bench/python/fib.py`): it is compiled, then exec'd in a fresh
`__main__`-like namespace under time.perf_counter(), best of N runs (--repeat, default 3).
Compiling is outside the timer. Each workload runs in its own child process, so peak_mb (the
child's ru_maxrss) is that workload's alone. Prints one JSON line per workload:

    {"workload": "fib", "seconds": 0.0676, "cpu_seconds": 0.0675, "peak_mb": 22.4, "runs": 3,
     "check": "196418"}

`seconds` is wall time (perf_counter); `cpu_seconds` (process_time, best of the same runs) tells
a loaded machine apart. `check` is what the program printed (the same on both sides). The asyncio workloads run on
CPython's own event loop with bench/asyncio_workloads.py's virtual clock (loop.time() reads a
variable that jumps to the next deadline when nothing is ready), as asyncrace's scheduler does,
so `gather_sleep`'s 1 s of sleeping costs no waiting: both sides are timed on the work alone.
"""
import argparse, asyncio, contextlib, io, json, resource, subprocess, sys, time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROGRAMS = HERE / "python"
WORKLOADS = ("loop", "fib", "cpu_bound", "gather_sleep", "queue")
sys.path.insert(0, str(HERE))
from asyncio_workloads import VirtualClockLoop  # noqa: E402  (the shared virtual-clock trick)


class VirtualClockPolicy(asyncio.DefaultEventLoopPolicy):
    """asyncio.run() in the workload gets the virtual-clock loop."""

    def new_event_loop(self):
        return VirtualClockLoop()


def run_once(code, path):
    """exec the program once in a fresh module namespace: (seconds, CPU seconds, printed text)."""
    namespace = {"__name__": "__main__", "__file__": str(path), "__builtins__": __builtins__}
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        begin, cpu_begin = time.perf_counter(), time.process_time()
        exec(code, namespace)
        seconds, cpu_seconds = time.perf_counter() - begin, time.process_time() - cpu_begin
    return seconds, cpu_seconds, printed.getvalue().strip()


def measure(name, repeat):
    """In the child: best of `repeat` runs of bench/python/<name>.py, as one JSON line."""
    path = PROGRAMS / f"{name}.py"
    code = compile(path.read_text(encoding="utf-8"), str(path), "exec")
    asyncio.set_event_loop_policy(VirtualClockPolicy())
    runs = [run_once(code, path) for _ in range(repeat)]
    checks = {check for _, _, check in runs}
    if len(checks) != 1:
        sys.exit(f"{name}: the runs printed different results: {sorted(checks)}")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB
    print(json.dumps({"workload": name, "seconds": round(min(run[0] for run in runs), 4),
                      "cpu_seconds": round(min(run[1] for run in runs), 4),
                      "peak_mb": round(peak_mb, 1), "runs": repeat, "check": checks.pop()}),
          flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("workloads", nargs="*", metavar="WORKLOAD",
                        help=f"any of {', '.join(WORKLOADS)} (default: all)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per workload; the best counts")
    parser.add_argument("--child", help=argparse.SUPPRESS)  # internal: measure one workload
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.child:
        return measure(args.child, args.repeat)
    unknown = [w for w in args.workloads if w not in WORKLOADS]
    if unknown:
        parser.error(f"unknown workload {unknown[0]!r}; valid: {', '.join(WORKLOADS)}")
    for name in args.workloads or WORKLOADS:
        child = subprocess.run([sys.executable, __file__, "--child", name, "--repeat",
                                str(args.repeat)])
        if child.returncode != 0:
            return child.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
