# How a job's result reaches its awaiter, one loop iteration at a time, on the model page's
# VIRTUAL executor (support/virtual_executor.py: the model asyncrace implements). At the job's end
# (1.0) a timer completes its concurrent future, whose done-callback passes the outcome on with
# call_soon_threadsafe; the next iteration sets the asyncio future, and the one after wakes main.
# The watcher, woken by a plain sleep(1) timer in the same iteration as the job's end, sees it
# arrive: one iteration later than a sleep's own wake-up would.
import asyncio
import os
import sys
import time

sys.path.insert(0, os.path.join(os.getcwd(), "support"))  # generate.py runs a scenario in its folder
from virtual_executor import ThreadPoolExecutor

delivered = False


def blocking_io(x):
    time.sleep(1)
    return x * 2


async def watcher():
    await asyncio.sleep(1)
    for i in range(4):
        print(f"watcher, iteration {i} at {time.time()}: delivered = {delivered}")
        await asyncio.sleep(0)


async def main():
    global delivered
    loop = asyncio.get_running_loop()
    pool = ThreadPoolExecutor(max_workers=1)
    w = asyncio.create_task(watcher())
    res = await loop.run_in_executor(pool, blocking_io, 21)
    delivered = True
    print("main got", res, "at", time.time())
    await w


asyncio.run(main())
