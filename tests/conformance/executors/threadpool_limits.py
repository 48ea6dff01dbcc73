# ThreadPoolExecutor limits, on the model page's VIRTUAL executor (support/virtual_executor.py:
# the model asyncrace implements). Ten jobs of time.sleep(1) on max_workers=3 run three at a time:
# they end at 1, 1, 1, 2, 2, 2, 3, 3, 3, 4. Then the seed's using_threadpool (the default
# min(32, cpu_count + 4) = 12 workers) ends after 1 s. Leaving a `with` block shuts the pool down
# and waits for its jobs: the loop itself is blocked until the last one ends.
import asyncio
import os
import sys
import time

sys.path.insert(0, os.path.join(os.getcwd(), "support"))  # generate.py runs a scenario in its folder
from virtual_executor import ThreadPoolExecutor


def blocking_io(x):
    time.sleep(1)
    return x * 2


async def job(pool, i):
    loop = asyncio.get_running_loop()
    res = await loop.run_in_executor(pool, blocking_io, i)
    print(f"{time.time():.3f} job {i} -> {res}")
    return res


async def three_at_a_time():
    t0 = time.time()
    with ThreadPoolExecutor(max_workers=3) as pool:
        res = await asyncio.gather(*[job(pool, i) for i in range(10)])
    print("max_workers=3 elapsed", time.time() - t0, res)


async def using_threadpool():
    t0 = time.time()
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor() as pool:
        tasks = [loop.run_in_executor(pool, blocking_io, i) for i in range(3)]
        res = await asyncio.gather(*tasks)
        print("threadpool elapsed", time.time() - t0, res)


async def shutdown_waits():
    loop = asyncio.get_running_loop()
    t0 = time.time()
    with ThreadPoolExecutor(max_workers=1) as pool:
        loop.run_in_executor(pool, blocking_io, 0)  # never awaited
        print("submitted, leaving the with block")
    print("left it after", time.time() - t0)


asyncio.run(three_at_a_time())
asyncio.run(using_threadpool())
asyncio.run(shutdown_waits())
