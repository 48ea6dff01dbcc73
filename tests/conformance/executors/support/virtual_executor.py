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
"""
import asyncio
import concurrent.futures
import contextvars
import functools
import time
import weakref

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


class ProcessPoolExecutor(VirtualExecutor):
    def __init__(self, max_workers=None, cpu_count=CPU_COUNT):
        super().__init__(cpu_count if max_workers is None else max_workers)


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
