"""Reads `asyncrace run gather_three --steps` (or run-file) from stdin and checks its await chains.

The Python source (argv[1]) says where each coroutine waits: do_some_work at its
`await asyncio.sleep(1)`, do_a_lot_of_work_in_parallel at its `await asyncio.gather(`. Some
iteration must show three workers pending there, each in a sleep, and the main task in a gather
of three.
"""
import json
import sys


def line_of(source, text):
    return next(n for n, line in enumerate(source.splitlines(), 1) if text in line)


def program_frames(chain):
    """The program's own frames: library ones (the interpreter's native sleep) have line 0."""
    return [(f["function"], f["line"]) for f in chain["frames"] if f["line"]]


def main():
    source = open(sys.argv[1], encoding="utf-8").read()
    sleep = ("do_some_work", line_of(source, "await asyncio.sleep(1)"))
    gather = ("do_a_lot_of_work_in_parallel", line_of(source, "await asyncio.gather("))
    states = [json.loads(line) for line in sys.stdin if line.strip()]
    assert all("chains" in s for s in states)
    for s in states:
        chains = s["chains"].values()
        workers = [c for c in chains if program_frames(c) == [sleep] and c["awaits"]["kind"] == "sleep"]
        mains = [c for c in chains if program_frames(c) == [gather] and c["awaits"] == {"kind": "gather", "task": c["awaits"]["task"], "count": 3}]
        if len(workers) == 3 and len(mains) == 1:
            print(f"iteration {s['iteration']}: 3 workers await a sleep at line {sleep[1]}, "
                  f"main awaits a gather of 3 at line {gather[1]}")
            return
    sys.exit("no iteration shows the three workers in their sleeps")


main()
