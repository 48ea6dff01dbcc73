#!/usr/bin/env python3
"""Generate the golden transcripts: what CPython 3.11's own asyncio prints, on a virtual clock.

    python3 tests/golden/generate.py [--check] [SLUG ...]

Every tutorial src/tutorials/seed*/<slug>.py runs in a fresh child process (so asyncio's global
Task-N counter starts at 1, exactly as in a new `python3`), and its transcript is written to
tests/golden/<slug>.jsonl.  The conformance scenarios tests/conformance/<area>/<name>.py (the
scheduler's own tests, in the spirit of CPython's test_asyncio) are run the same way, their
transcripts written beside them as <name>.jsonl.  --check regenerates in memory and diffs
against the committed files.
Conventions: README.md next to this file; semantics: the shared docs/asyncio-model.md.
Standard library only.
"""
import argparse, asyncio, ast, difflib, functools, gc, io, json, linecache, operator, os, re
import selectors, subprocess, sys, _thread, time, traceback, types, warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TUTORIALS = ROOT / "src" / "tutorials"
CONFORMANCE = ROOT / "tests" / "conformance"
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


class VirtualClockPolicy(asyncio.DefaultEventLoopPolicy):
    def new_event_loop(self):
        return VirtualEventLoop()


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
    return lines[-1 - len(getattr(exc, "__notes__", None) or ())].rstrip("\n")


# ---------------------------------------------------------------- child: running one tutorial
def notebook_to_script(tree):
    """A notebook cell's top-level `await X` (or `v = await X`) becomes `asyncio.run(X)`."""
    for stmt in tree.body:
        if isinstance(getattr(stmt, "value", None), ast.Await):
            awaited = stmt.value
            run = ast.Attribute(ast.Name("asyncio", ast.Load()), "run", ast.Load())
            stmt.value = ast.copy_location(ast.Call(run, [awaited.value], []), awaited)
    return ast.fix_missing_locations(tree)


def compile_tutorial(path):
    """Compile as `<slug>.py` and register the source with linecache, so that warnings and
    tracebacks name the file and quote its lines like `python3 <slug>.py` would."""
    source, filename = path.read_text(encoding="utf-8"), path.name
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    tree = notebook_to_script(ast.parse(source, filename))
    return compile(tree, filename, "exec", dont_inherit=True)


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


def run_child(path):
    """Run one tutorial and write its transcript, one JSON object per line, to stdout."""
    code = compile_tutorial(path)
    transcript = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)  # stray writes to fd 1 must not corrupt the transcript
    patch_time_module()
    asyncio.set_event_loop_policy(VirtualClockPolicy())
    warnings._showwarnmsg_impl = capture_warnings
    gc.disable()  # cyclic garbage dies at exit, not at allocation-count-dependent moments
    keep_alive, sys.argv = install_main_module(), [path.name]
    capture, pending = LineCapture(), []
    sys.stdout = capture
    try:
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
    """slug -> (source, golden) for every tutorial and conformance scenario; slugs are unique."""
    found = {}
    sources = [(p, HERE / f"{p.stem}.jsonl") for p in sorted(TUTORIALS.glob("seed*/*.py"))]
    sources += [(p, p.with_suffix(".jsonl")) for p in sorted(CONFORMANCE.glob("*/*.py"))]
    for path, golden in sources:
        if path.stem in found:
            sys.exit(f"duplicate slug {path.stem!r}: {found[path.stem][0]} and {path}")
        found[path.stem] = (path, golden)
    return found


def transcript_of(path):
    """Run the tutorial in a fresh interpreter with a fixed hash seed and a clean environment."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"  # iteration order of sets of str is then reproducible
    command = [sys.executable, str(Path(__file__).resolve()), "--child", str(path)]
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


def check(fresh, orphans):
    """--check: print a unified diff per stale golden and a one-line summary; exit status 1/0."""
    stale = []
    for slug, (golden, text) in fresh.items():
        old = golden.read_text(encoding="utf-8") if golden.exists() else None
        if old != text:
            stale.append(slug if old is not None else f"{slug} (missing)")
            name = golden.relative_to(ROOT)
            sys.stdout.writelines(difflib.unified_diff(
                (old or "").splitlines(True), text.splitlines(True), f"a/{name}", f"b/{name}"))
    stale += [f"{slug} (no tutorial)" for slug in orphans]
    if stale:
        print(f"golden transcripts out of date: {', '.join(stale)} "
              "(regenerate with: python3 tests/golden/generate.py)")
        return 1
    print(f"golden transcripts: {len(fresh)} up to date")
    return 0


def write(fresh, orphans):
    for slug, (golden, text) in fresh.items():
        golden.write_text(text, encoding="utf-8")
        print(f"wrote {golden.relative_to(ROOT)} ({text.count(chr(10))} lines)")
    for slug in orphans:
        print(f"note: tests/golden/{slug}.jsonl has no tutorial any more", file=sys.stderr)
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 with a diff if a committed golden is stale or missing")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)  # internal: one run
    parser.add_argument("slugs", nargs="*", help="only these tutorials (default: all)")
    args = parser.parse_args()
    if sys.version_info[:2] != (3, 11):  # heap order, warning texts, reprs: all version-specific
        sys.exit(f"the goldens are CPython 3.11's output; this is {sys.version.split()[0]}")
    if args.child:
        return run_child(args.child)
    tutorials = find_tutorials()
    unknown = sorted(set(args.slugs) - set(tutorials))
    if unknown:
        sys.exit(f"no tutorial named: {', '.join(unknown)}")
    fresh = {slug: (tutorials[slug][1], transcript_of(tutorials[slug][0]))
             for slug in args.slugs or tutorials}
    orphans = [] if args.slugs else sorted(
        p.stem for p in HERE.glob("*.jsonl") if p.stem not in tutorials)
    return (check if args.check else write)(fresh, orphans)


if __name__ == "__main__":
    sys.exit(main())
