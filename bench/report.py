#!/usr/bin/env python3
"""Turns bench/run.sh's result lines into one Markdown table and a verdict per target.

    python3 bench/report.py build/bench/results.txt --n 1000000 [--emcc "<emcc --version line>"]

Each input line is `<impl> <workload> key=value ...` with impl = cpython | native | wasm. Of repeated
runs the fastest is reported (peak memory: the largest seen). Every run must have computed the
workload's answer (check = n) and, with tracing on, recorded a lane per task.
"""
import argparse, os, platform, subprocess, sys
from collections import defaultdict

WORKLOADS = {
    "sleepers": "1M tasks × `sleep(1)`, one gather",
    "create_task": "1M × `create_task` + `sleep(0)`, each awaited",
    "chain": "1M-deep chain of awaited coroutines",
}
# Targets of issue 3: with tracing on >= 30x CPython and <= 256 MB for the million sleepers;
# tracing off >= 100x CPython; wasm within 2x of native.
SPEEDUP_TRACING_ON, SPEEDUP_TRACING_OFF, MEMORY_MB, WASM_RATIO = 30, 100, 256, 2


def parse(path, n):
    runs = defaultdict(list)
    for line in open(path):
        impl, workload, *fields = line.split()
        f = dict(x.split("=", 1) for x in fields)
        if int(f["check"]) != n or int(f["n"]) != n:
            sys.exit(f"wrong answer or size in: {line.strip()}")
        tracing = f.get("tracing", "-")
        if tracing == "on":
            lanes = int(f["lanes"])
            if lanes != (1 if workload == "chain" else n + 1):
                sys.exit(f"the trace lacks lanes ({lanes}) in: {line.strip()}")
        runs[impl, workload, tracing].append(f)
    best = {}
    for key, rs in runs.items():
        fastest = min(rs, key=lambda f: float(f["seconds"]))
        best[key] = {"seconds": float(fastest["seconds"]), "runs": len(rs),
                     "peak_mb": max(float(f["peak_mb"]) for f in rs), "fields": fastest}
    return best


def machine(emcc):
    model = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    except OSError:
        node = "?"
    return (f"{os.cpu_count()} cores ({model}), {platform.system()} {platform.release()}; "
            f"g++ -O3 natively; {emcc or 'emcc'} -O3 -fwasm-exceptions under node {node}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("results")
    parser.add_argument("--n", type=int, required=True)
    parser.add_argument("--emcc", default="")
    args = parser.parse_args()
    best = parse(args.results, args.n)

    def get(impl, workload, tracing):
        return best.get((impl, workload, tracing))

    rows, verdicts = [], []
    for workload in WORKLOADS:
        cp = get("cpython", workload, "-")
        for tracing in ("off", "on"):
            nat, wasm = get("native", workload, tracing), get("wasm", workload, tracing)
            if not (cp and nat and wasm):
                continue
            speedup = cp["seconds"] / nat["seconds"]
            wasm_speedup = cp["seconds"] / wasm["seconds"]
            ratio = wasm["seconds"] / nat["seconds"]
            rows.append(f"| {workload} | {tracing} | {cp['seconds']:.3f} | {nat['seconds']:.3f} | "
                        f"{wasm['seconds']:.3f} | {speedup:.1f}× | {wasm_speedup:.1f}× | {ratio:.2f} | "
                        f"{cp['peak_mb']:.0f} | {nat['peak_mb']:.0f} | {wasm['peak_mb']:.0f} |")
            goal = SPEEDUP_TRACING_ON if tracing == "on" else SPEEDUP_TRACING_OFF
            verdicts.append(f"- {workload}, tracing {tracing}: ≥ {goal}× CPython — native {speedup:.1f}×: "
                            f"{'met' if speedup >= goal else 'NOT met'}; wasm {wasm_speedup:.1f}×: "
                            f"{'met' if wasm_speedup >= goal else 'NOT met'}")
            verdicts.append(f"- {workload}, tracing {tracing}: wasm within {WASM_RATIO}× of native — "
                            f"{ratio:.2f}: {'met' if ratio <= WASM_RATIO else 'NOT met'}")
            if workload == "sleepers" and tracing == "on":
                for impl, r in (("native", nat), ("wasm", wasm)):
                    ok = r["peak_mb"] <= MEMORY_MB
                    verdicts.append(f"- sleepers, tracing on: ≤ {MEMORY_MB} MB — {impl} {r['peak_mb']:.0f} MB: "
                                    f"{'met' if ok else 'NOT met'}")

    cp_any = next((v for k, v in best.items() if k[0] == "cpython"), None)
    runs = {impl: max((v["runs"] for k, v in best.items() if k[0] == impl), default=0)
            for impl in ("cpython", "native", "wasm")}
    print(f"n = {args.n:,}. Machine: {machine(args.emcc)}. CPython {cp_any['fields'].get('python', '?') if cp_any else '?'}"
          f" (default event loop; sleepers on a virtual clock, see bench/asyncio_workloads.py). "
          f"Best of {runs['native']} runs for asyncrace, {runs['cpython']} for CPython (CPython has no "
          f"tracing: its time is the same in both rows). Peak memory: max RSS natively and for CPython, "
          f"the wasm memory size at exit for wasm.\n")
    print("| workload | tracing | CPython s | native s | wasm s | native vs CPython | wasm vs CPython "
          "| wasm / native | CPython MB | native MB | wasm MB |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    print("\n".join(rows))
    reads = []
    for workload in ("sleepers", "create_task"):
        for impl in ("native", "wasm"):
            r = get(impl, workload, "on")
            if r and "read_seconds" in r["fields"]:
                f = r["fields"]
                reads.append(f"{workload} {impl} {float(f['read_seconds']):.2f} s, peak {float(f['read_peak_mb']):.0f} MB")
    if reads:
        print("\nReading the lanes of a traced run afterwards (`recording::lanes()` builds a `task_lane` per "
              "task from the event log; not in the times above): " + "; ".join(reads) + ".")
    print("\nTargets (issue 3):")
    print("\n".join(verdicts))


if __name__ == "__main__":
    main()
