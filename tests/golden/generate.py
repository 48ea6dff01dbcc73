#!/usr/bin/env python3
"""Generate the golden transcripts: what CPython 3.11's own asyncio prints, on a virtual clock.

    python3 tests/golden/generate.py [--check] [SLUG | AREA/SCENARIO ...]
    python3 tests/golden/generate.py --corpus [--check] [NAME | AREA/NAME ...]

Every tutorial src/tutorials/seed*/<slug>.py runs in a fresh child process (so asyncio's global
Task-N counter starts at 1, exactly as in a new `python3`), and its transcript is written to
tests/golden/<slug>.jsonl.  The conformance scenarios tests/conformance/<area>/<name>.py (the
scheduler's own tests, in the spirit of CPython's test_asyncio) are run the same way, their
transcripts written beside them as <name>.jsonl (named `<area>/<name>` on the command line).
With --corpus it does the same for the Python interpreter's corpus, tests/python/corpus/<area>/<name>.py
(golden <name>.jsonl beside it; named `<area>/<name>` or just `<name>`, which is unique).
--check regenerates in memory and diffs against the committed files.
The child models what the seed notebooks rely on: IPython's display of a cell's last expression,
the virtual executors and the seed's cpu_tasks module, rich.print, a simulated subprocess and a
seeded os.urandom; and, for the corpus, a simulated aiohttp (simulated_aiohttp.py).
Conventions: README.md next to this file; semantics: the shared docs/asyncio-model.md.
Standard library only.
"""
import argparse, asyncio, ast, concurrent.futures, datetime, difflib, functools, gc, io, json
import linecache, operator, os, random, re, selectors, subprocess, sys, _thread, time, traceback
import types, warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TUTORIALS = ROOT / "src" / "tutorials"
CONFORMANCE = ROOT / "tests" / "conformance"
CORPUS = ROOT / "tests" / "python" / "corpus"  # the interpreter's own programs (issue 9)
# The virtual thread/process pool of the model page, shared with the executor conformance scenarios
# (which import it as `virtual_executor` too, so both get the same module object).
sys.path.insert(0, str(CONFORMANCE / "executors" / "support"))
import virtual_executor  # noqa: E402
import simulated_aiohttp  # noqa: E402  (beside this file, which is sys.path[0] when run as a script)
# Timer ties (docs/asyncio-model.md): the goldens use CPython's own heap order ("cpython-heap":
# the virtual clock makes equal deadlines exactly equal, as Windows' coarse clock did for seed 000),
# except the tutorials of these seeds, recorded on a fine clock where a timer scheduled later has a
# later deadline: there ties fire in scheduling order ("fifo"), which their printed output needs.
FIFO_TIE_SEEDS = {"seed004"}  # producer_consumer_seed444 is the one whose output depends on it
FIFO_TIES_LINE = "# ties: fifo"  # a corpus program whose first line is exactly this uses "fifo"
CHILD_TIMEOUT = 120  # real seconds; on a virtual clock a tutorial takes well under one

# ---------------------------------------------------------------- child: the virtual clock
now = 0.0  # virtual seconds; one clock for the whole file, NOT reset by each asyncio.run()
records = []  # the transcript, in the order things happened


class DeadlockError(RuntimeError):
    """Nothing ready and no timer: real asyncio would block in select() forever."""


class VirtualSelector(selectors.BaseSelector):
    """Bookkeeping-only selector: no fd is ever ready, waiting means jumping the clock."""

    def __init__(self, loop):
        self._loop, self._keys = loop, {}

    def register(self, fileobj, events, data=None):
        if fileobj in self._keys:
            raise KeyError(f"{fileobj!r} is already registered")
        fd = fileobj if isinstance(fileobj, int) else fileobj.fileno()
        self._keys[fileobj] = selectors.SelectorKey(fileobj, fd, events, data)
        return self._keys[fileobj]

    def unregister(self, fileobj):
        return self._keys.pop(fileobj)

    def get_map(self):
        return types.MappingProxyType(self._keys)

    def select(self, timeout=None):
        # BaseEventLoop._run_once computes timeout = None (nothing ready, no timer), 0 (callbacks
        # ready) or the delay to self._scheduled[0] (cancelled heads already popped).  Jump to that
        # deadline itself: now + timeout could differ by float rounding, and the timeout is capped
        # at MAXIMUM_SELECT_TIMEOUT (one day) anyway.
        global now
        if timeout is None:
            raise DeadlockError(f"deadlock at t={now!r}: no callback is ready and no timer is "
                                "scheduled, the event loop would wait forever")
        if timeout > 0:  # hence _scheduled[0]._when > now
            now = self._loop._scheduled[0]._when
        return []


class VirtualEventLoop(asyncio.SelectorEventLoop):
    """CPython's own loop (real _run_once, real heapq timer order) reading the virtual clock."""

    def __init__(self):
        super().__init__(VirtualSelector(self))
        # _run_once treats a timer as due when `when < time() + _clock_resolution`; the value comes
        # from the host's monotonic clock (1e-9 on Linux/macOS, 0.015625 on Windows).  Pin the
        # Linux value so goldens do not depend on the machine.  (0 would never fire a timer: the
        # clock jumps to exactly `when`, and `when < when` is false.)
        self._clock_resolution = 1e-9

    def time(self):
        return now

    def run_in_executor(self, executor, func, *args):
        """The loop's default executor (executor=None) is the virtual one: see patch_executors."""
        if executor is None:
            executor = virtual_executor.default_executor(self)
        return super().run_in_executor(executor, func, *args)


class VirtualClockPolicy(asyncio.DefaultEventLoopPolicy):
    def new_event_loop(self):
        return VirtualEventLoop()


class FifoTimerHandle(asyncio.TimerHandle):
    """Timer-tie policy "fifo" (docs/asyncio-model.md): timers with equal deadlines fire in the
    order they were scheduled, as on a machine whose clock moves between two call_later calls.
    heapq compares with `<` only; the deadline comes first, then the scheduling order."""
    __slots__ = ("_order",)
    _scheduled_so_far = 0

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._order = FifoTimerHandle._scheduled_so_far
        FifoTimerHandle._scheduled_so_far += 1

    def __lt__(self, other):
        return (self._when, self._order) < (other._when, other._order)


FifoTimerHandle.__name__ = FifoTimerHandle.__qualname__ = "TimerHandle"  # for reprs


def use_fifo_timer_ties():
    """Make CPython's loop (base_events builds `events.TimerHandle(...)`) use FifoTimerHandle."""
    asyncio.events.TimerHandle = FifoTimerHandle


def virtual_sleep(seconds):
    """time.sleep blocks the loop thread: the clock moves, no callback runs meanwhile."""
    global now
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    now += seconds


def patch_time_module():
    """The tutorial does `import time` itself, so patch the module's attributes (epoch 0.0)."""
    time.time = time.monotonic = time.perf_counter = lambda: now
    time.time_ns = time.monotonic_ns = time.perf_counter_ns = lambda: int(now * 1e9)
    time.sleep = virtual_sleep


# ---------------------------------------------------------------- child: the simulated world
# What the seeds use beyond asyncio and the clock, made deterministic.  Everything below is
# installed in the child only, so a tutorial .py stays the seed's code.

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


class InsertionOrderedSet:
    """The part of `set` that asyncio's WeakSet of tasks and TaskGroup use, iterating in
    insertion order (a dict's keys)."""

    def __init__(self):
        self._items = {}

    def add(self, item):
        self._items[item] = None

    def discard(self, item):
        self._items.pop(item, None)

    def remove(self, item):
        del self._items[item]

    def pop(self):
        return self._items.popitem()[0]

    def clear(self):
        self._items.clear()

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)

    def __contains__(self, item):
        return item in self._items


def patch_task_sets():
    """Sets of tasks iterate in creation order, as in asyncrace (README "Conformance").  CPython
    keeps them in `set`s, whose order follows the tasks' memory addresses: reproducible for one
    build and one program, but changed by any allocation anywhere (even by this generator).
    Three places are concerned:
    - asyncio.all_tasks(), hence the order in which asyncio.run cancels the tasks main left;
    - TaskGroup, the order in which a failing child's siblings are cancelled;
    - as_completed(fs), the order in which it wraps fs into tasks (that is, starts them)."""
    asyncio.tasks._all_tasks.data = InsertionOrderedSet()  # the C Task registers itself here

    def all_tasks(loop=None):  # CPython's, returning an insertion-ordered set-like keys view
        if loop is None:
            loop = asyncio.get_running_loop()
        return dict.fromkeys(t for t in list(asyncio.tasks._all_tasks)
                             if asyncio.futures._get_loop(t) is loop and not t.done()).keys()

    asyncio.all_tasks = asyncio.tasks.all_tasks = all_tasks

    task_group_init = asyncio.TaskGroup.__init__

    def init(self):
        task_group_init(self)
        self._tasks = InsertionOrderedSet()

    asyncio.TaskGroup.__init__ = init
    original_as_completed = asyncio.tasks.as_completed

    def as_completed(fs, *, timeout=None):
        if not (asyncio.isfuture(fs) or asyncio.iscoroutine(fs)):  # else: its own TypeError
            loop = asyncio.events._get_event_loop()
            fs = [asyncio.ensure_future(f, loop=loop) for f in dict.fromkeys(fs)]
        return original_as_completed(fs, timeout=timeout)

    asyncio.as_completed = asyncio.tasks.as_completed = as_completed


# ---------------------------------------------------------------- child: capturing output
ADDRESS = re.compile(r"\bat 0x[0-9a-fA-F]+\b")  # object reprs: `<coroutine object f at 0x7f..>`


def emit(text, stream=None):
    """Append one transcript line.  Addresses change with every run: they read `at 0x...`."""
    record = {"t": round(now, 6), "text": ADDRESS.sub("at 0x...", text)}
    if stream:
        record["stream"] = stream
    records.append(record)


class LineCapture(io.TextIOBase):
    """sys.stdout replacement: a line is stamped with the virtual time its newline was written."""
    encoding = "utf-8"

    def __init__(self):
        self._partial = ""

    def writable(self):
        return True

    def write(self, s):
        *lines, self._partial = (self._partial + s).split("\n")
        for line in lines:
            emit(line)
        return len(s)

    def finish(self):  # a last line without "\n" still reaches the terminal at exit
        if self._partial:
            emit(self._partial)
            self._partial = ""


def capture_warnings(msg):
    """Replaces warnings._showwarnmsg_impl, the function that writes a warning to stderr.
    Hooking here (not showwarning) keeps catch_warnings(record=True) working, and keeps msg.source,
    which CPython's _formatwarnmsg needs for its "Enable tracemalloc ..." line."""
    text = warnings._formatwarnmsg(msg)
    if msg.file is not None:
        msg.file.write(text)
        return
    for line in text.splitlines():
        emit(line, "warning")


def exception_line(exc):
    """The `ExcType: message` line that ends CPython's traceback (before any __notes__)."""
    lines = traceback.format_exception_only(type(exc), exc)
    line = lines[-1 - len(getattr(exc, "__notes__", None) or ())].rstrip("\n")
    return line + name_suggestion(exc, line)


def name_suggestion(exc, line):
    """3.11's `. Did you mean: 'counter'?` after a NameError or AttributeError.  CPython 3.11
    computes it in C while printing the traceback (PyErr_Display), not in the traceback module,
    so print the traceback to a buffer and take what follows the exception line there."""
    if not isinstance(exc, (NameError, AttributeError)):
        return ""
    printed, sys.stderr = sys.stderr, io.StringIO()
    try:
        sys.__excepthook__(type(exc), exc, exc.__traceback__)
    finally:
        printed, sys.stderr = sys.stderr, printed
    for printed_line in printed.getvalue().splitlines():
        if printed_line.startswith(line):
            return printed_line[len(line):]
    return ""


# ---------------------------------------------------------------- child: running one tutorial
def notebook_to_script(tree):
    """A notebook cell's top-level `await X` (or `v = await X`) becomes `asyncio.run(X)`."""
    for stmt in tree.body:
        if isinstance(getattr(stmt, "value", None), ast.Await):
            awaited = stmt.value
            run = ast.Attribute(ast.Name("asyncio", ast.Load()), "run", ast.Load())
            stmt.value = ast.copy_location(ast.Call(run, [awaited.value], []), awaited)
    return ast.fix_missing_locations(tree)


CELL_MARKER = re.compile(r"# --- ")  # a line `# --- In [29]` (or `# --- <words>`) starts a cell


def notebook_cells(tree, source):
    """Split the module's statements into the notebook cells they came from.  A line that starts
    with `# --- ` (`# --- In [29]`) begins a new cell; a file without such lines is one cell."""
    starts = [n for n, line in enumerate(source.splitlines(), 1) if CELL_MARKER.match(line)]
    cells = [[]]
    for stmt in tree.body:
        while starts and stmt.lineno > starts[0]:
            starts.pop(0)
            if cells[-1]:
                cells.append([])
        cells[-1].append(stmt)
    return cells


def compile_tutorial(path):
    """Compile as `<slug>.py` and register the source with linecache, so that warnings and
    tracebacks name the file and quote its lines like `python3 <slug>.py` would.
    Returns the code objects to run in order.  As IPython does (ast_node_interactivity
    'last_expr'), a cell's last statement, when it is an expression, is compiled in 'single' mode,
    which hands its value to sys.displayhook (see display); everything else is 'exec' code.
    The whole module is compiled first, so a SyntaxError anywhere stops it before anything runs."""
    source, filename = path.read_text(encoding="utf-8"), path.name
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    tree = notebook_to_script(ast.parse(source, filename))
    compile(tree, filename, "exec", dont_inherit=True)  # SyntaxError as `python3 <slug>.py`
    codes = []
    with warnings.catch_warnings():  # the compile above gave the SyntaxWarnings, once each
        warnings.simplefilter("ignore")
        for cell in notebook_cells(tree, source):
            last = cell.pop() if isinstance(cell[-1], ast.Expr) else None
            if cell:
                codes.append(compile(ast.Module(cell, []), filename, "exec", dont_inherit=True))
            if last:
                codes.append(compile(ast.Interactive([last]), filename, "single",
                                     dont_inherit=True))
    return codes


def display(value):
    """sys.displayhook, for a cell's last expression: IPython's Out[N].  The value's repr is
    printed to stdout (one record per line, without IPython's `Out[N]: ` prompt) unless it is
    None, and the value is kept alive like IPython's output history: in a dict `Out` of the
    script's module, so it dies with the module at exit (a coroutine then warns at `sys:1`)."""
    if value is None:
        return
    main = vars(sys.modules["__main__"])
    history = main.setdefault("Out", {})
    history[len(history) + 1] = value
    print(repr(value))


def run_frameless(func):
    """Call a C function on a new thread that has no Python frame, as at interpreter exit: a
    warning raised there is attributed to `sys:1`, like CPython's shutdown warnings.
    list/map/operator.call are C too, so no frame is pushed before `done` is released."""
    done = _thread.allocate_lock()
    done.acquire()
    _thread.start_new_thread(list, (map(operator.call, (func, done.release)),))
    if not done.acquire(timeout=60):
        raise RuntimeError(f"finalization step {func!r} did not finish")


def install_main_module():
    """Run the tutorial in a real __main__ module (pickle and dataclasses look classes up in
    sys.modules) that only sys.modules references, so that popping it models the teardown of
    the script's module at exit.  Returns the generator's own module, to be kept alive."""
    main = types.ModuleType("__main__")
    main.asyncio = asyncio  # for the asyncio.run() calls that notebook_to_script inserts
    generator_module, sys.modules["__main__"] = sys.modules["__main__"], main
    return generator_module


def finalize(pending):
    """Model interpreter exit (Py_FinalizeEx), as checked against `python3 script.py`:
    1. a gc pass while imports still work;
    2. sys.last_traceback (the uncaught exception, holding frames) is dropped after sys.path and
       sys.meta_path were set to None: only modules imported earlier can still be imported;
    3. sys.modules entries are set to None and the __main__ module dies; its dict is in a cycle
       with its functions, so a gc pass finalizes its objects (globals still intact), no import
       working any more.
    A warning's only import is _formatwarnmsg's `import tracemalloc`; when it fails, the
    "Enable tracemalloc ..." line is missing.  (No restore: the child exits right after.)"""
    run_frameless(gc.collect)
    sys.modules.setdefault("tracemalloc", None)
    run_frameless(pending.clear)
    sys.modules["tracemalloc"] = None
    run_frameless(functools.partial(sys.modules.pop, "__main__"))
    run_frameless(gc.collect)


def run_child(path, ties):
    """Run one tutorial and write its transcript, one JSON object per line, to stdout."""
    transcript = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)  # stray writes to fd 1 must not corrupt the transcript
    patch_time_module()
    if ties == "fifo":
        use_fifo_timer_ties()
    patch_executors()
    patch_rich()
    patch_urandom()
    patch_subprocess()
    sys.modules["aiohttp"] = simulated_aiohttp.module()
    patch_task_sets()
    asyncio.set_event_loop_policy(VirtualClockPolicy())
    warnings._showwarnmsg_impl = capture_warnings
    gc.disable()  # cyclic garbage dies at exit, not at allocation-count-dependent moments
    keep_alive, sys.argv = install_main_module(), [path.name]
    capture, pending = LineCapture(), []
    sys.stdout, sys.displayhook = capture, display
    try:
        for code in compile_tutorial(path):  # a SyntaxError: nothing runs, the record is at t=0
            exec(code, vars(sys.modules["__main__"]))
    except SystemExit:
        pass
    except BaseException as exc:  # every other escaping exception ends the run
        capture.finish()
        emit(exception_line(exc), "exception")
        pending.append(exc)
    finalize(pending)
    capture.finish()
    transcript.writelines(json.dumps(r) + "\n" for r in records)
    transcript.close()
    del keep_alive


# ---------------------------------------------------------------- parent: goldens on disk
def find_tutorials():
    """name -> (source, golden) for every tutorial (name: its slug) and conformance scenario
    (name: `<area>/<scenario>`, e.g. executors/processpool_cpu_bound); tutorial slugs are unique."""
    found = {}
    for path in sorted(TUTORIALS.glob("seed*/*.py")):
        if path.stem in found:
            sys.exit(f"duplicate slug {path.stem!r}: {found[path.stem][0]} and {path}")
        found[path.stem] = (path, HERE / f"{path.stem}.jsonl")
    for path in sorted(CONFORMANCE.glob("*/*.py")):
        found[f"{path.parent.name}/{path.stem}"] = (path, path.with_suffix(".jsonl"))
    return found


def find_corpus():
    """`<area>/<name>` -> (source, golden) for every corpus program; names are unique across areas
    (the file name is what tracebacks show, and `--corpus NAME` may omit the area)."""
    found, areas = {}, {}
    for path in sorted(CORPUS.glob("*/*.py")):
        if path.stem in areas:
            sys.exit(f"duplicate corpus name {path.stem!r}: {areas[path.stem]}/ and {path}")
        areas[path.stem] = path.parent.name
        found[f"{path.parent.name}/{path.stem}"] = (path, path.with_suffix(".jsonl"))
    return found


def corpus_orphans(corpus):
    """Committed corpus goldens whose program is gone."""
    return sorted(f"{p.parent.name}/{p.stem}" for p in CORPUS.glob("*/*.jsonl")
                  if f"{p.parent.name}/{p.stem}" not in corpus)


def resolve_corpus_names(names, corpus):
    """`--corpus NAME` may omit the area: `fib` is `functions/fib`."""
    by_stem = {key.split("/")[1]: key for key in corpus}
    return [name if name in corpus else by_stem.get(name, name) for name in names]


def tie_policy(path):
    """"fifo" for the seed004 tutorials and for corpus programs whose first line is FIFO_TIES_LINE;
    everything else uses CPython's heap order."""
    if path.parent.parent == TUTORIALS:
        return "fifo" if path.parent.name in FIFO_TIE_SEEDS else "cpython-heap"
    first_line = path.read_text(encoding="utf-8").split("\n", 1)[0].rstrip()
    return "fifo" if path.parent.parent == CORPUS and first_line == FIFO_TIES_LINE else "cpython-heap"


def transcript_of(path):
    """Run the tutorial in a fresh interpreter with a fixed hash seed and a clean environment."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"  # iteration order of sets of str is then reproducible
    command = [sys.executable, str(Path(__file__).resolve()), "--child", str(path),
               "--ties", tie_policy(path)]
    try:  # a deadlock raises DeadlockError, but a busy loop (livelock) can only time out
        proc = subprocess.run(command, cwd=path.parent, env=env, capture_output=True,
                              text=True, timeout=CHILD_TIMEOUT)
    except subprocess.TimeoutExpired:
        sys.exit(f"{path}: still running after {CHILD_TIMEOUT} s of real time (a busy loop?)")
    if proc.stderr:
        sys.stderr.write("".join(f"[{path.stem}] {l}\n" for l in proc.stderr.splitlines()))
    if proc.returncode != 0:
        sys.exit(f"generator failed on {path} (exit {proc.returncode})")
    return proc.stdout


def transcripts(chosen, jobs):
    """name -> (golden, fresh transcript), the children running `jobs` at a time (each child is
    its own process, so parallel runs cannot affect one another's transcript)."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        texts = pool.map(lambda item: transcript_of(item[1][0]), chosen.items())
        return {name: (golden, text) for (name, (_, golden)), text in zip(chosen.items(), texts)}


def check(fresh, orphans, what, regenerate):
    """--check: print a unified diff per stale golden and a one-line summary; exit status 1/0."""
    stale = []
    for slug, (golden, text) in fresh.items():
        old = golden.read_text(encoding="utf-8") if golden.exists() else None
        if old != text:
            stale.append(slug if old is not None else f"{slug} (missing)")
            name = golden.relative_to(ROOT)
            sys.stdout.writelines(difflib.unified_diff(
                (old or "").splitlines(True), text.splitlines(True), f"a/{name}", f"b/{name}"))
    stale += [f"{slug} (no program)" for slug in orphans]
    if stale:
        print(f"{what} out of date: {', '.join(stale)} (regenerate with: {regenerate})")
        return 1
    print(f"{what}: {len(fresh)} up to date")
    return 0


def write(fresh, orphans):
    for slug, (golden, text) in fresh.items():
        golden.write_text(text, encoding="utf-8")
        print(f"wrote {golden.relative_to(ROOT)} ({text.count(chr(10))} lines)")
    for slug in orphans:
        print(f"note: the golden of {slug} has no program any more", file=sys.stderr)
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 with a diff if a committed golden is stale or missing")
    parser.add_argument("--corpus", action="store_true",
                        help="the interpreter's corpus (tests/python/corpus) instead of the tutorials")
    parser.add_argument("--jobs", type=int, default=2, help="children run at once (default 2)")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)  # internal: one run
    parser.add_argument("--ties", choices=("fifo", "cpython-heap"), default="cpython-heap",
                        help=argparse.SUPPRESS)  # internal: the child's timer-tie policy
    parser.add_argument("slugs", nargs="*", help="only these programs (default: all)")
    args = parser.parse_args()
    if sys.version_info[:2] != (3, 11):  # heap order, warning texts, reprs: all version-specific
        sys.exit(f"the goldens are CPython 3.11's output; this is {sys.version.split()[0]}")
    if args.child:
        return run_child(args.child, args.ties)
    if args.corpus:
        programs = find_corpus()
        names = resolve_corpus_names(args.slugs, programs)
        orphans = [] if args.slugs else corpus_orphans(programs)
        what, regenerate = "corpus goldens", "python3 tests/golden/generate.py --corpus"
    else:
        programs, names = find_tutorials(), args.slugs
        orphans = [] if args.slugs else sorted(
            p.stem for p in HERE.glob("*.jsonl") if p.stem not in programs)
        what, regenerate = "golden transcripts", "python3 tests/golden/generate.py"
    unknown = sorted(set(names) - set(programs))
    if unknown:
        sys.exit(f"no {'corpus program' if args.corpus else 'tutorial'} named: {', '.join(unknown)}")
    chosen = {name: programs[name] for name in names or programs}
    fresh = transcripts(chosen, max(1, args.jobs))
    return check(fresh, orphans, what, regenerate) if args.check else write(fresh, orphans)


if __name__ == "__main__":
    sys.exit(main())
