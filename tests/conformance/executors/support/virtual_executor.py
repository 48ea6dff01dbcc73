"""The model page's VIRTUAL executor (docs/asyncio-model.md, "Executors"), in pure Python.

A real thread or process pool runs its jobs elsewhere, where the golden generator's virtual clock
cannot time them. The executor scenarios therefore run this model, which asyncrace's scheduler
implements line for line (src/asyncio/virtual_pool.cpp, executor_call.hpp):
- a pool of N virtual workers; a call goes to the worker free first (lowest index on ties) and
  starts at max(now, that worker's free time);
- the job runs at once, on its worker's clock: a time.sleep in it, and spend() (the CPU time it
  declares), advance only that worker; time.time() in it reads that clock;
- its result reaches the loop at its end time: a loop.call_at(end, ...) completes the
  concurrent.futures.Future that submit() returned. From there on everything is CPython's own:
  run_in_executor wraps that future (futures.wrap_future), whose done-callback hands the outcome to
  the loop with call_soon_threadsafe, and the asyncio future wakes its awaiter — so the loop
  iterations counted in the transcripts are CPython's;
- a submitted job is running: cancelling its future cannot stop it, as with a real thread;
- each worker has its own contextvars context (a new thread's is empty, and it keeps what its
  jobs set).
Default sizes follow CPython with os.cpu_count() = 8: ThreadPoolExecutor() has min(32, 8 + 4)
workers, ProcessPoolExecutor() 8. Jobs must not print: their lines would carry the loop's time.

A ProcessPoolExecutor's workers are processes started as CPython's "spawn" method starts them (the
default on macOS and Windows; Linux's "fork" copies the parent instead):
- a worker imports the program afresh as the module `__mp_main__` (so `if __name__ == "__main__":`
  code does not run there), once, before its first job, and keeps its own globals from then on; a
  notebook (a program with a top-level await, which only IPython runs) has no file to import, so its
  workers know none of its functions;
- a call travels pickled: the function and the classes by reference (module and qualified name:
  a lambda or a local function fails with pickle's own error, and the future gets it), arguments,
  result and exception by value, so the worker and the caller never share an object;
- a call the worker cannot unpickle (a function its `__mp_main__` lacks) kills the worker, as in
  CPython: the future gets BrokenProcessPool, and a fresh worker takes its place.
The remote traceback CPython attaches as the exception's __cause__ is not modelled.
"""
import asyncio
import concurrent.futures
import concurrent.futures.process
import contextvars
import functools
import io
import pickle
import sys
import time
import types
import weakref

# Set by the golden generator before a program runs: its code objects (a callable returning them,
# run in order) and its file name; None for a notebook.
main_program = None

CPU_COUNT = 8  # the reference transcripts' os.cpu_count()
_clock = None  # while a job runs: [its worker's time]


def _advance(seconds):
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")  # time.sleep's message
    _clock[0] += seconds


def spend(seconds):
    """CPU time the running job costs on its worker (a virtual worker cannot measure real work)."""
    _advance(seconds)


def _complete(future, result, exc):
    if exc is not None:
        future.set_exception(exc)
    else:
        future.set_result(result)


class VirtualExecutor(concurrent.futures.Executor):
    def __init__(self, max_workers):
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        self._free = [0.0] * max_workers  # when each worker is free again
        self._contexts = [contextvars.Context() for _ in range(max_workers)]
        self._shutdown = False

    def submit(self, fn, /, *args, **kwargs):
        if self._shutdown:
            raise RuntimeError("cannot schedule new futures after shutdown")
        loop = asyncio.get_running_loop()
        now = loop.time()
        worker = min(range(len(self._free)), key=lambda w: (max(now, self._free[w]), w))
        start = max(now, self._free[worker])
        future = concurrent.futures.Future()
        future.set_running_or_notify_cancel()  # running: Future.cancel() cannot stop it any more
        result, exc, end = self._run(worker, start, fn, args, kwargs)
        self._free[worker] = end
        loop.call_at(end, _complete, future, result, exc)
        return future

    def _run(self, worker, start, fn, args, kwargs):
        """fn(*args, **kwargs) in the worker's context, on the worker's clock."""
        global _clock
        saved = time.sleep, time.time, time.monotonic, time.perf_counter
        clock = _clock = [start]
        time.sleep = _advance
        time.time = time.monotonic = time.perf_counter = lambda: clock[0]
        try:
            return self._contexts[worker].run(fn, *args, **kwargs), None, clock[0]
        except BaseException as exc:  # as concurrent.futures' _WorkItem.run
            return None, exc, clock[0]
        finally:
            time.sleep, time.time, time.monotonic, time.perf_counter = saved
            _clock = None

    def shutdown(self, wait=True, *, cancel_futures=False):
        """With wait, the caller's thread (the loop's) blocks until the last job's end."""
        self._shutdown = True
        if wait:
            last = max(self._free)
            if last > time.time():
                time.sleep(last - time.time())


class ThreadPoolExecutor(VirtualExecutor):
    def __init__(self, max_workers=None, cpu_count=CPU_COUNT):
        super().__init__(min(32, cpu_count + 4) if max_workers is None else max_workers)


class _Unpickler(pickle.Unpickler):
    """Resolves the program's classes and functions in `main`: the parent's `__main__` (where
    `__mp_main__` is its alias, as multiprocessing makes it) or a worker's `__mp_main__`."""
    def __init__(self, data, main):
        super().__init__(io.BytesIO(data))
        self.main = main

    def find_class(self, module, name):
        if module not in ("__main__", "__mp_main__"):
            return super().find_class(module, name)
        obj = self.main
        try:
            for part in name.split("."):
                obj = getattr(obj, part)
        except AttributeError:
            raise AttributeError(f"Can't get attribute {name!r} on {self.main!r}") from None
        return obj


class _BrokenWorker(Exception):
    """The worker process died with the job (it could not even unpickle the call)."""


class _WorkerProcess:
    """One spawned worker: the program imported as `__mp_main__`."""
    def __init__(self):
        self.main = types.ModuleType("__mp_main__")
        if main_program is None:
            return
        codes, filename = main_program
        self.main.__file__ = filename
        saved = sys.modules.get("__mp_main__")
        sys.modules["__mp_main__"] = self.main
        try:
            for code in codes():
                exec(code, vars(self.main))
        except BaseException:  # the worker dies while importing the program
            raise _BrokenWorker() from None
        finally:
            _restore_module("__mp_main__", saved)

    def call(self, data):
        """Unpickle a call, run it, pickle its outcome (as _process_worker and _sendback_result)."""
        try:
            fn, args, kwargs = _Unpickler(data, self.main).load()
        except BaseException:
            raise _BrokenWorker() from None
        saved = sys.modules.get("__mp_main__")
        sys.modules["__mp_main__"] = self.main  # pickling the worker's own classes by reference
        try:
            try:
                result, exc = fn(*args, **kwargs), None
            except BaseException as e:
                result, exc = None, e
            try:
                return pickle.dumps((result, exc))
            except BaseException as e:  # an unpicklable result: the future gets the error
                return pickle.dumps((None, e))
        finally:
            _restore_module("__mp_main__", saved)


def _restore_module(name, saved):
    if saved is None:
        sys.modules.pop(name, None)
    else:
        sys.modules[name] = saved


_BROKEN = ("A process in the process pool was terminated abruptly while the future was running "
           "or pending.")


class ProcessPoolExecutor(VirtualExecutor):
    def __init__(self, max_workers=None, cpu_count=CPU_COUNT):
        super().__init__(cpu_count if max_workers is None else max_workers)
        self._processes = [None] * len(self._free)

    def _run(self, worker, start, fn, args, kwargs):
        try:  # the parent pickles the call (CPython: the queue feeder thread)
            data = pickle.dumps((fn, args, kwargs))
        except BaseException as exc:
            return None, exc, start
        return super()._run(worker, start, self._in_process, (worker, data), {})

    def _in_process(self, worker, data):
        try:
            if self._processes[worker] is None:
                self._processes[worker] = _WorkerProcess()
            answer = self._processes[worker].call(data)
        except _BrokenWorker:
            self._processes[worker] = None  # a fresh worker takes its place
            raise concurrent.futures.process.BrokenProcessPool(_BROKEN) from None
        result, exc = _Unpickler(answer, sys.modules["__main__"]).load()
        if exc is not None:
            raise exc
        return result


_default_executors = weakref.WeakKeyDictionary()


def default_executor(loop):
    """loop._default_executor, a ThreadPoolExecutor made on first use. Kept here, not on the loop:
    asyncio.run shuts a loop's default executor down from a real thread, which the virtual clock
    cannot order, while with none it takes the two iterations asyncrace's runner models."""
    if loop not in _default_executors:
        _default_executors[loop] = ThreadPoolExecutor()
    return _default_executors[loop]


async def to_thread(func, /, *args, **kwargs):
    """asyncio.to_thread (Lib/asyncio/threads.py) line for line, on the virtual default executor."""
    loop = asyncio.get_running_loop()
    ctx = contextvars.copy_context()
    func_call = functools.partial(ctx.run, func, *args, **kwargs)
    return await loop.run_in_executor(default_executor(loop), func_call)
