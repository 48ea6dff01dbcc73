#!/usr/bin/env python3
"""Generate the golden transcripts: what CPython 3.11's own asyncio prints, on a virtual clock.

    python3 tests/golden/generate.py [--check] [SLUG | AREA/SCENARIO ...]
    python3 tests/golden/generate.py --corpus [--check] [NAME | AREA/NAME ...]

Every tutorial src/tutorials/seed*/<slug>.py (and scale/<slug>.py) runs in a fresh child process (so asyncio's global
Task-N counter starts at 1, exactly as in a new `python3`), and its transcript is written to
tests/golden/<slug>.jsonl.  The conformance scenarios tests/conformance/<area>/<name>.py (the
scheduler's own tests, in the spirit of CPython's test_asyncio) are run the same way, their
transcripts written beside them as <name>.jsonl (named `<area>/<name>` on the command line).
With --corpus it does the same for the Python interpreter's corpus, tests/python/corpus/<area>/<name>.py
(golden <name>.jsonl beside it; named `<area>/<name>` or just `<name>`, which is unique).
--check regenerates in memory and diffs against the committed files.
The child runs CPython's own event loop on a virtual clock (virtual_loop.py) and models what the
seed notebooks rely on: IPython's display of a cell's last expression (here), the virtual executors
and the seed's cpu_tasks module, rich.print, a simulated subprocess, a seeded os.urandom and a
simulated aiohttp (simulated_world.py, simulated_aiohttp.py).
Conventions: README.md next to this file; semantics: docs/asyncio-model.md.
Standard library only.
"""
import argparse, asyncio, ast, concurrent.futures, difflib, functools, gc, io, json, linecache
import operator, os, re, resource, signal, subprocess, sys, _thread, traceback, types, warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TUTORIALS = ROOT / "src" / "tutorials"
CONFORMANCE = ROOT / "tests" / "conformance"
CORPUS = ROOT / "tests" / "python" / "corpus"  # the interpreter's own programs (issue 9)
# The virtual thread/process pool of the model page, shared with the executor conformance scenarios
# (which import it as `virtual_executor` too, so both get the same module object).
sys.path.insert(0, str(CONFORMANCE / "executors" / "support"))
import virtual_executor  # noqa: E402,F401  (one module object for the loop, the world and scenarios)
import virtual_loop  # noqa: E402  (beside this file, which is sys.path[0] when run as a script)
import simulated_world  # noqa: E402
import stderr_capture  # noqa: E402
# Timer ties (docs/asyncio-model.md): the goldens use CPython's own heap order ("cpython-heap":
# the virtual clock makes equal deadlines exactly equal, as Windows' coarse clock did for seed 000),
# except the tutorials of these seeds, recorded on a fine clock where a timer scheduled later has a
# later deadline: there ties fire in scheduling order ("fifo"), which their printed output needs.
FIFO_TIE_SEEDS = {"seed004"}  # producer_consumer_seed444 is the one whose output depends on it
FIFO_TIES_LINE = "# ties: fifo"  # a corpus program whose first line is exactly this uses "fifo"
# On a virtual clock a tutorial takes well under a second, scale_1m (10^6 tasks) about 35 s of CPU.
# A busy loop (livelock) can only be stopped by a limit. The limit is on CPU time, which a loaded
# machine does not stretch: with the tests running two at a time beside ASan builds, scale_1m took
# more than 120 s of real time in CI. The real-time limit only catches a child that blocks.
CHILD_CPU_SECONDS = 300
CHILD_TIMEOUT = 1200  # real seconds; below the CTest timeout of the test (tests/CMakeLists.txt)

# ---------------------------------------------------------------- child: capturing output
records = []  # the transcript, in the order things happened
ADDRESS = re.compile(r"\bat 0x[0-9a-fA-F]+\b")  # object reprs: `<coroutine object f at 0x7f..>`


def emit(text, stream=None):
    """Append one transcript line.  Addresses change with every run: they read `at 0x...`."""
    record = {"t": round(virtual_loop.now, 6), "text": ADDRESS.sub("at 0x...", text)}
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


def is_notebook(path):
    """A program with a top-level await runs only in IPython: a notebook, whose process-pool
    workers (spawned) find no file to import (virtual_executor.main_program)."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), path.name)
    except SyntaxError:  # nothing runs: compile_tutorial reports it
        return False
    return any(isinstance(getattr(stmt, "value", None), ast.Await)
               or isinstance(stmt, (ast.AsyncFor, ast.AsyncWith)) for stmt in tree.body)


# Recurses until RecursionError, noting how deep it got (run_child execs it where it execs the
# program, to count the generator's own frames under the program's).
RECURSION_PROBE = compile("def dive(n):\n    global depth\n    depth = n\n    dive(n + 1)\n"
                          "try:\n    dive(1)\nexcept RecursionError:\n    pass\n", "<probe>", "exec")


def hide_generator_frames(probe_depth):
    """`python3 prog.py` runs the module's frame first on the stack; here it runs under the
    generator's own frames and calls (its module, main, run_child, exec), which would make
    RecursionError come earlier.  A module-level recursion that got `probe_depth` deep would get
    limit - 1 deep in python3: the limit is raised by the difference, and sys reports and sets
    the limit as the program would see it."""
    offset = sys.getrecursionlimit() - 1 - probe_depth
    get_limit, set_limit = sys.getrecursionlimit, sys.setrecursionlimit
    set_limit(get_limit() + offset)

    def getrecursionlimit():
        return get_limit() - offset

    def setrecursionlimit(limit, /):
        set_limit(limit + offset if type(limit) is int and limit > 0 else limit)

    sys.getrecursionlimit, sys.setrecursionlimit = getrecursionlimit, setrecursionlimit


def run_child(path, ties):
    """Run one tutorial and write its transcript, one JSON object per line, to stdout."""
    transcript = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)  # stray writes to fd 1 must not corrupt the transcript
    virtual_loop.patch_time_module()
    if ties == "fifo":
        virtual_loop.use_fifo_timer_ties()
    simulated_world.install()
    virtual_loop.patch_task_sets()
    asyncio.set_event_loop_policy(virtual_loop.VirtualClockPolicy())
    warnings._showwarnmsg_impl = capture_warnings
    gc.disable()  # cyclic garbage dies at exit, not at allocation-count-dependent moments
    keep_alive, sys.argv = install_main_module(), [path.name]
    if not is_notebook(path):  # a process pool's workers import the program as __mp_main__
        virtual_executor.main_program = (functools.partial(compile_tutorial, path), path.name)
    capture, pending = LineCapture(), []
    sys.stdout, sys.displayhook = capture, display
    errors = stderr_capture.StderrCapture(path.name, emit) if stderr_capture.wants_stderr(path) else None
    if errors:
        sys.stderr = errors
    probe = {}
    exec(RECURSION_PROBE, probe)  # at the depth of the program's exec below
    hide_generator_frames(probe["depth"])
    try:
        for code in compile_tutorial(path):  # a SyntaxError: nothing runs, the record is at t=0
            exec(code, vars(sys.modules["__main__"]))
    except SystemExit:
        pass
    except BaseException as exc:  # every other escaping exception ends the run
        capture.finish()
        if errors:
            errors.finish()
            stderr_capture.emit_uncaught(exc, exception_line(exc), path.name, emit)
        else:
            emit(exception_line(exc), "exception")
        pending.append(exc)
    finalize(pending)
    capture.finish()
    if errors:
        errors.finish()
    transcript.writelines(json.dumps(r) + "\n" for r in records)
    transcript.close()
    del keep_alive


# ---------------------------------------------------------------- parent: goldens on disk
def find_tutorials():
    """name -> (source, golden) for every tutorial (name: its slug) and conformance scenario
    (name: `<area>/<scenario>`, e.g. executors/processpool_cpu_bound); tutorial slugs are unique."""
    found = {}
    for path in sorted([*TUTORIALS.glob("seed*/*.py"), *TUTORIALS.glob("scale/*.py")]):
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


def transcript_of(path, hash_seed="0"):
    """Run the tutorial in a fresh interpreter with a fixed hash seed and a clean environment."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = hash_seed  # iteration order of sets of str is then reproducible
    command = [sys.executable, str(Path(__file__).resolve()), "--child", str(path),
               "--ties", tie_policy(path)]
    try:  # a deadlock raises DeadlockError, but a busy loop (livelock) can only hit a limit
        proc = subprocess.run(command, cwd=path.parent, env=env, capture_output=True,
                              text=True, timeout=CHILD_TIMEOUT)
    except subprocess.TimeoutExpired:
        sys.exit(f"{path}: still running after {CHILD_TIMEOUT} s of real time (blocked?)")
    if proc.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        sys.exit(f"{path}: stopped after {CHILD_CPU_SECONDS} s of CPU time (a busy loop?)")
    if proc.stderr:
        sys.stderr.write("".join(f"[{path.stem}] {l}\n" for l in proc.stderr.splitlines()))
    if proc.returncode != 0:
        sys.exit(f"generator failed on {path} (exit {proc.returncode})")
    return proc.stdout


def transcripts(chosen, jobs, hash_seed):
    """name -> (golden, fresh transcript), the children running `jobs` at a time (each child is
    its own process, so parallel runs cannot affect one another's transcript)."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        texts = pool.map(lambda item: transcript_of(item[1][0], hash_seed), chosen.items())
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


def hash_seed(text):
    """A PYTHONHASHSEED value: 0 to 4294967295."""
    value = int(text)
    if not 0 <= value <= 4294967295:
        raise argparse.ArgumentTypeError(f"{value} is not from 0 to 4294967295")
    return value


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 with a diff if a committed golden is stale or missing")
    parser.add_argument("--corpus", action="store_true",
                        help="the interpreter's corpus (tests/python/corpus) instead of the tutorials")
    parser.add_argument("--jobs", type=int, default=2, help="children run at once (default 2)")
    parser.add_argument("--hash-seed", type=hash_seed, default=0, metavar="N", help="the children's PYTHONHASHSEED (default 0, the goldens'): "
                        "--check with another N shows which programs depend on the order of sets")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)  # internal: one run
    parser.add_argument("--ties", choices=("fifo", "cpython-heap"), default="cpython-heap",
                        help=argparse.SUPPRESS)  # internal: the child's timer-tie policy
    parser.add_argument("slugs", nargs="*", help="only these programs (default: all)")
    args = parser.parse_args()
    if sys.version_info[:2] != (3, 11):  # heap order, warning texts, reprs: all version-specific
        sys.exit(f"the goldens are CPython 3.11's output; this is {sys.version.split()[0]}")
    if args.child:  # the child limits itself (preexec_fn is unsafe beside the parent's threads)
        resource.setrlimit(resource.RLIMIT_CPU, (CHILD_CPU_SECONDS, CHILD_CPU_SECONDS + 5))
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
    fresh = transcripts(chosen, max(1, args.jobs), str(args.hash_seed))
    return check(fresh, orphans, what, regenerate) if args.check else write(fresh, orphans)


if __name__ == "__main__":
    sys.exit(main())
