#!/usr/bin/env python3
"""Write what CPython 3.11's timer scheduling pops to timer_heap_expectations.txt, for
test_timer_heap_vs_heapq.cpp.

    python3 tests/sched/generate_timer_heap_expectations.py [--check]

Each block replays random push / cancel / pop sequences with many equal deadlines on the model of
one tie policy, and records which timer every pop returns:

    block <policy> <seed> <shape>       a new, empty timer heap with that tie policy
    push <when>                         schedules timer number k (k counts the block's pushes)
    cancel <k>                          TimerHandle.cancel() on timer k
    pop <k>                             _run_once's pruning of cancelled timers, then heappop: timer k
    pop -                               ... the pruning left no timer (the block ends with one)

cpython-heap is asyncio's own `_scheduled` list: TimerHandle orders by deadline only and heapq is
not stable, so equal deadlines pop where the heap's shape puts them; cancelled timers are pruned
as BaseEventLoop._run_once does (heapify the survivors when more than 100 are scheduled and over
half are cancelled, else pop cancelled ones off the top). fifo and jitter order (deadline,
scheduling order): a heap of tuples. Shapes: `mixed` deadlines in any order (the heap path),
`rising` deadlines mostly in order (fifo's in-order queue, with some out of order to mix both).
--check regenerates in memory and exits 1 if the committed file differs. Standard library only.
"""
import argparse, heapq, random, sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "timer_heap_expectations.txt"
MIN_SCHEDULED = 100  # asyncio.base_events._MIN_SCHEDULED_TIMER_HANDLES
MIN_CANCELLED_FRACTION = 0.5  # asyncio.base_events._MIN_CANCELLED_TIMER_HANDLES_FRACTION


class Timer:
    """asyncio.TimerHandle as the heap sees it: compared by deadline only."""

    def __init__(self, when, number):
        self.when, self.number, self.cancelled, self.scheduled = when, number, False, True

    def __lt__(self, other):
        return self.when < other.when


class CPythonHeap:
    """BaseEventLoop's _scheduled list, _timer_cancelled_count and _run_once's pruning."""

    def __init__(self):
        self.scheduled, self.cancelled_count = [], 0

    def push(self, timer):
        heapq.heappush(self.scheduled, timer)

    def cancel(self, timer):
        if not timer.cancelled:
            timer.cancelled = True
            if timer.scheduled:
                self.cancelled_count += 1

    def pop(self):
        count = len(self.scheduled)
        if count > MIN_SCHEDULED and self.cancelled_count / count > MIN_CANCELLED_FRACTION:
            kept = []
            for t in self.scheduled:
                if t.cancelled:
                    t.scheduled = False
                else:
                    kept.append(t)
            heapq.heapify(kept)
            self.scheduled, self.cancelled_count = kept, 0
        else:
            while self.scheduled and self.scheduled[0].cancelled:
                self.cancelled_count -= 1
                heapq.heappop(self.scheduled).scheduled = False
        if not self.scheduled:
            return None
        t = heapq.heappop(self.scheduled)
        t.scheduled = False
        return t

    def __len__(self):
        return len(self.scheduled)


class OrderedHeap:
    """fifo and jitter: (deadline, scheduling order), cancelled timers skipped."""

    def __init__(self):
        self.heap = []

    def push(self, timer):
        heapq.heappush(self.heap, (timer.when, timer.number, timer))

    def cancel(self, timer):
        timer.cancelled = True

    def pop(self):
        while self.heap and self.heap[0][2].cancelled:
            heapq.heappop(self.heap)
        return heapq.heappop(self.heap)[2] if self.heap else None

    def __len__(self):
        return len(self.heap)


def block(policy, seed, shape):
    """One random sequence: lines of the block, the pops with what the model returned."""
    rng = random.Random(f"{policy} {seed} {shape}")
    heap = CPythonHeap() if policy == "cpython-heap" else OrderedHeap()
    lines = [f"block {policy} {seed} {shape}"]
    timers, live = [], []
    base = 0.0
    ops = rng.randrange(200, 900)
    # Phases: grow (pushes, some cancels), churn (all three), drain (pops) - so that the heap
    # passes 100 timers with over half cancelled (the heapify branch) and empties again.
    for i in range(ops):
        phase = "grow" if i < ops * 0.45 else "churn" if i < ops * 0.8 else "drain"
        r = rng.random()
        if phase == "grow":
            op = "push" if r < 0.6 else "cancel"
        elif phase == "churn":
            op = "push" if r < 0.35 else "cancel" if r < 0.65 else "pop"
        else:
            op = "pop" if r < 0.85 else "cancel"
        if op == "push":
            if shape == "rising":
                base += rng.choice([0.0, 0.0, 0.0, 0.25])
                when = base - (0.25 if rng.random() < 0.1 else 0.0)
            else:
                when = rng.choice([0.0, 0.5, 0.5, 1.0, 1.0, 1.0, 1.5, 2.0])
            t = Timer(when, len(timers))
            timers.append(t)
            live.append(t)
            heap.push(t)
            lines.append(f"push {when!r}")
        elif op == "cancel" and live:
            t = live.pop(rng.randrange(len(live)))
            heap.cancel(t)
            lines.append(f"cancel {t.number}")
        elif op == "pop" and len(heap):
            t = heap.pop()  # None when only cancelled timers were left: they are pruned
            if t is not None:
                live.remove(t)
            lines.append(f"pop {t.number if t else '-'}")
    while True:  # the rest, to the end
        t = heap.pop()
        lines.append(f"pop {t.number if t else '-'}")
        if t is None:
            return lines


def render():
    lines = []
    for policy in ("cpython-heap", "fifo", "jitter"):
        for shape in ("mixed", "rising"):
            for seed in range(12):
                lines += block(policy, seed, shape)
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the committed file is stale")
    args = ap.parse_args()
    text = render()
    if args.check:
        if not OUT.exists() or OUT.read_text() != text:
            print(f"{OUT.name} is stale: run {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text)
    print(f"wrote {OUT} ({text.count(chr(10))} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
