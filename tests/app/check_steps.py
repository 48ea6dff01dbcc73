"""Reads `asyncrace run ... --steps` from stdin and checks it with CPython's own heapq.

Every line is one loop iteration with iteration, t, ready, timers and popped. At the first
iteration whose heap array holds nine timers, heapq (with CPython's TimerHandle ordering: by
deadline only) pops that array in some order; the pops the run printed from that iteration on
must be exactly that order.
"""
import heapq
import json
import sys


class Handle:
    """Ordered as asyncio.TimerHandle is: by deadline only."""

    def __init__(self, entry):
        self.entry = entry

    def __lt__(self, other):
        return self.entry["deadline"] < other.entry["deadline"]


def main():
    states = [json.loads(line) for line in sys.stdin if line.strip()]
    for i, s in enumerate(states):
        assert s["iteration"] == i, (i, s["iteration"])
        for key in ("t", "ready", "timers", "popped"):
            assert key in s, key
    start = next(i for i, s in enumerate(states) if len(s["timers"]) == 9)
    heap = [Handle(e) for e in states[start]["timers"]]  # already a heap: pop it as it is
    by_heapq = [heapq.heappop(heap).entry["seq"] for _ in range(9)]
    recorded = [e["seq"] for s in states[start:] for e in s["popped"]]
    assert recorded == by_heapq, (recorded, by_heapq)
    tasks = {e["seq"]: e["task"] for e in states[start]["timers"]}
    print("heapq pops 9 timers as recorded: tasks " + ", ".join(str(tasks[q]) for q in by_heapq))


main()
