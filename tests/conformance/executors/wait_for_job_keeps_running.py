# A timeout cannot stop a job that runs in an executor, as it cannot stop a real thread: on the
# model page's VIRTUAL executor (support/virtual_executor.py: the model asyncrace implements),
# wait_for gives up on the future at 0.5, but the job keeps its worker until 1.0, so the next job
# on this one-worker pool starts only then and ends at 2.0.
import asyncio
import os
import sys
import time

sys.path.insert(0, os.path.join(os.getcwd(), "support"))  # generate.py runs a scenario in its folder
from virtual_executor import ThreadPoolExecutor


def blocking_io(x):
    time.sleep(1)
    return x * 2


async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=1) as pool:
        first = loop.run_in_executor(pool, blocking_io, 1)
        try:
            await asyncio.wait_for(first, timeout=0.5)
        except asyncio.TimeoutError:
            print("timed out at", time.time(), "| first cancelled:", first.cancelled())
        res = await loop.run_in_executor(pool, blocking_io, 2)
        print("second job", res, "at", time.time())


asyncio.run(main())
