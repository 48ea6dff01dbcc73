"""The golden generator's event loop: CPython's own asyncio on a virtual clock (README.md).

Imported by generate.py's child only. The loop is CPython's SelectorEventLoop with its real
_run_once and heapq; only its clock is virtual: `now` moves when nothing is ready, to exactly the
earliest timer's deadline. Also here: the "fifo" timer-tie policy, `time` reading the same clock,
and sets of tasks iterating in creation order (as asyncrace's do).
"""
import asyncio
import selectors
import time
import types

import virtual_executor

now = 0.0  # virtual seconds; one clock for the whole file, NOT reset by each asyncio.run()


class DeadlockError(RuntimeError):
    """Nothing ready and no timer: real asyncio would block in select() forever."""


DeadlockError.__module__ = "__main__"  # the transcript's line reads `DeadlockError: deadlock at ...`


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
