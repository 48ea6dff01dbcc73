"""What the seeds use beyond asyncio and the clock, made deterministic (README.md): the virtual
executors and `cpu_tasks`, rich.print, os.urandom, a simulated subprocess and a simulated aiohttp.

Imported by generate.py's child only, which calls install(); so a tutorial .py stays the seed's code.
"""
import asyncio
import concurrent.futures
import datetime
import os
import random
import re
import sys
import types

import simulated_aiohttp
import virtual_executor
from virtual_loop import virtual_sleep

CPU_BOUND_COST = 0.145  # virtual seconds per cpu_bound call (the seed's "single cpu_bound elapsed")


def spend_cpu(seconds):
    """CPU work costs `seconds` on the thread that does it: inside a virtual executor job only that
    worker's clock moves; on the loop thread the whole program is blocked, as by time.sleep."""
    if virtual_executor._clock is not None:
        virtual_executor.spend(seconds)
    else:
        virtual_sleep(seconds)


def cpu_bound(n):
    """The seed's (commented-out) cpu_bound: s = sum of (i*i) % (n+1) for i in range(2000000).
    (i*i) % m depends on i only through i % m, so the sum is taken period by period (the plain
    loop costs ~0.15 s of real time per call); the value is exactly the plain loop's."""
    m, count = n + 1, 2000000
    period = [(i * i) % m for i in range(min(m, count))]
    s = (count // m) * sum(period) + sum(period[:count % m])
    spend_cpu(CPU_BOUND_COST)
    return s


def patch_executors():
    """ThreadPoolExecutor, ProcessPoolExecutor, asyncio.to_thread and run_in_executor(None, ...)
    all use the model page's virtual executor (cpu_count = 8); `from cpu_tasks import cpu_bound`
    gives the function above."""
    concurrent.futures.ThreadPoolExecutor = virtual_executor.ThreadPoolExecutor
    concurrent.futures.ProcessPoolExecutor = virtual_executor.ProcessPoolExecutor
    asyncio.to_thread = asyncio.threads.to_thread = virtual_executor.to_thread
    os.cpu_count = lambda: virtual_executor.CPU_COUNT
    cpu_tasks = types.ModuleType("cpu_tasks", "The seed's cpu_tasks module (simulated).")
    cpu_tasks.cpu_bound = cpu_bound
    sys.modules["cpu_tasks"] = cpu_tasks


# rich's markup: a tag is `[` + a letter, `#`, `/` or `@` + anything but brackets + `]` (`[red]`,
# `[/red]`, `[/]`, `[bold magenta]`); a backslash-escaped `\[` stands for a literal `[`.
RICH_MARKUP = re.compile(r"\\\[|\[[a-zA-Z#/@][^\[\]]*\]")


def rich_print(*objects, sep=" ", end="\n", file=None, flush=False):
    """`from rich import print`, reduced to what the transcripts need (no third-party code): the
    text print(*objects, sep=sep, end=end) would write, with markup tags removed (a backslash-
    escaped bracket becomes `[`) and then tabs expanded to 8 columns.  No colours, highlighting or wrapping."""
    text = sep.join(str(o) for o in objects) + end
    text = RICH_MARKUP.sub(lambda m: "[" if m.group(0) == "\\[" else "", text)
    print(text.expandtabs(8), end="", file=file, flush=flush)


def patch_rich():
    rich = types.ModuleType("rich", "A stand-in for rich: print without markup (simulated).")
    rich.print = rich_print
    sys.modules["rich"] = rich


def patch_urandom():
    """os.urandom(n) is reproducible: n bytes, each the top 8 bits of the next 32-bit output of
    one MT19937 seeded with 0 for the whole run (random.Random(0).getrandbits(8) per byte).  It
    does not touch the `random` module's own generator, as the real os.urandom does not."""
    source = random.Random(0)
    os.urandom = lambda n: bytes(source.getrandbits(8) for _ in range(n))


SUBPROCESS_LIFETIME = 0.05  # virtual seconds from spawn to exit


def simulated_program_output(argv, at):
    """The stdout of the few programs a seed runs, for a process that reads the clock at `at`
    (its exit time): the seed's `python -c 'import datetime; print(datetime.datetime.now())'`
    and `date`, both in UTC, the C locale and with an epoch of 0.0."""
    clock = datetime.datetime(1970, 1, 1) + datetime.timedelta(seconds=at)
    if list(argv[1:]) == ["-c", "import datetime; print(datetime.datetime.now())"]:
        return f"{clock}\n"  # e.g. 1970-01-01 00:00:00.050000
    if os.path.basename(argv[0]) == "date" and len(argv) == 1:
        return clock.strftime("%a %b ") + f"{clock.day:2d}" + clock.strftime(" %H:%M:%S UTC %Y\n")
    raise NotImplementedError(f"the golden generator does not simulate the program {argv!r}")


class SimulatedProcess:
    """asyncio.subprocess.Process for a simulated child: spawned at once (no loop iteration),
    it runs SUBPROCESS_LIFETIME virtual seconds; at its exit a timer writes its whole output to
    the stdout pipe, closes the pipe and sets returncode 0."""

    def __init__(self, loop, argv, stdout):
        self.pid, self.returncode, self.stdin, self.stderr = 4242, None, None, None
        self.stdout = asyncio.StreamReader(loop=loop) if stdout == asyncio.subprocess.PIPE else None
        self._loop, self._waiters = loop, []
        end = loop.time() + SUBPROCESS_LIFETIME
        output = simulated_program_output(argv, end).encode("ascii")
        loop.call_at(end, self._exit, output)

    def _exit(self, output):
        if self.stdout is not None:
            self.stdout.feed_data(output)
            self.stdout.feed_eof()
        else:
            sys.stdout.write(output.decode("ascii"))  # the child inherits our stdout
        self.returncode = 0
        for waiter in self._waiters:
            if not waiter.done():
                waiter.set_result(0)

    async def wait(self):
        """As CPython's: each caller waits on its own future, woken by the exit callback."""
        if self.returncode is None:
            waiter = self._loop.create_future()
            self._waiters.append(waiter)
            await waiter
        return self.returncode

    def __repr__(self):
        return f"<Process {self.pid}>"


async def create_subprocess_exec(program, *args, stdin=None, stdout=None, stderr=None, **kwds):
    return SimulatedProcess(asyncio.get_running_loop(), (program, *args), stdout)


def patch_subprocess():
    asyncio.create_subprocess_exec = create_subprocess_exec
    asyncio.subprocess.create_subprocess_exec = create_subprocess_exec


def install():
    """Every stand-in, in the child, before the program runs."""
    patch_executors()
    patch_rich()
    patch_urandom()
    patch_subprocess()
    sys.modules["aiohttp"] = simulated_aiohttp.module()
