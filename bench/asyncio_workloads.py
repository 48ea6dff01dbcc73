#!/usr/bin/env python3
"""The benchmark's workloads on CPython 3.11's own asyncio: the anchor asyncrace is measured against.

    python3 bench/asyncio_workloads.py sleepers|create_task|chain [n] [--real-clock]

Prints one line in asyncrace-bench's format:
    cpython <workload> n=<n> seconds=<wall> peak_mb=<ru_maxrss MiB> check=<n> virtual_end=<t> ...

The loop is CPython's default event loop, unchanged except, for "sleepers", its clock: like
asyncrace it runs on a virtual clock (loop.time() reads a variable, and when nothing is ready the
selector jumps it to the first deadline instead of waiting), so neither side's time includes
idle waiting. CPython's _run_once, heapq timers, Tasks and gather are all its own. --real-clock
runs sleepers on the real monotonic clock instead (the 1 s of sleeping then overlaps the work).

"chain" awaits n coroutines nested inside each other (the innermost awaits leaf(), which does
`await asyncio.sleep(0)`). In CPython 3.11 every level of `await` is a nested C call, so it runs
in a thread with a 2 GiB stack and a raised recursion limit: depth 1e6 then works (the default
8 MiB stack overflows near depth 1e5).
"""
import asyncio, resource, selectors, sys, threading, time


async def sleeper():
    await asyncio.sleep(1)


async def sleepers(n):
    results = await asyncio.gather(*[sleeper() for _ in range(n)])
    return len(results)


async def yielder():
    await asyncio.sleep(0)


async def create_tasks(n):
    tasks = [asyncio.create_task(yielder()) for _ in range(n)]
    awaited = 0
    for t in tasks:
        await t
        awaited += 1
    return awaited


async def leaf():
    await asyncio.sleep(0)
    return 0


async def chain(depth):
    if depth == 0:
        return await leaf()
    return 1 + await chain(depth - 1)


WORKLOADS = {"sleepers": sleepers, "create_task": create_tasks, "chain": chain}


class VirtualClockSelector(selectors.DefaultSelector):
    """The default selector, except that a wait for a timer jumps the virtual clock instead."""

    def __init__(self):
        super().__init__()
        self.loop = None

    def select(self, timeout=None):
        if timeout is not None and timeout > 0:
            self.loop.now = self.loop._scheduled[0]._when
            timeout = 0
        return super().select(timeout)


class VirtualClockLoop(asyncio.SelectorEventLoop):  # asyncio's default loop on Linux
    def __init__(self):
        selector = VirtualClockSelector()
        super().__init__(selector)
        selector.loop = self
        self.now = 0.0
        self._clock_resolution = 1e-9  # as on Linux, and as asyncrace's loop

    def time(self):
        return self.now


def measure(name, n, real_clock):
    main = WORKLOADS[name](n)
    begin = time.perf_counter()
    if name == "sleepers" and not real_clock:
        loop = VirtualClockLoop()
        try:
            check = loop.run_until_complete(main)
            end = loop.time()
        finally:
            loop.close()
    else:
        check = asyncio.run(main)
        end = 0.0
    wall = time.perf_counter() - begin
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB
    version = sys.version.split()[0]
    clock = "real" if real_clock or name != "sleepers" else "virtual"
    print(f"cpython {name} n={n} seconds={wall:.4f} peak_mb={peak_mb:.1f} check={check} "
          f"virtual_end={end:g} clock={clock} python={version}", flush=True)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if not args or args[0] not in WORKLOADS:
        sys.exit(__doc__)
    name, n = args[0], int(args[1]) if len(args) > 1 else 1_000_000
    real_clock = "--real-clock" in sys.argv
    if name != "chain":
        measure(name, n, real_clock)
        return
    sys.setrecursionlimit(n + 1000)
    threading.stack_size(2 * 1024**3)
    worker = threading.Thread(target=measure, args=(name, n, real_clock))
    worker.start()
    worker.join()


if __name__ == "__main__":
    main()
