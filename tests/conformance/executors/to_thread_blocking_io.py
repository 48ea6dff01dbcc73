# The seed's asyncio.to_thread example, on the model page's VIRTUAL executor
# (support/virtual_executor.py: the model asyncrace implements, since a real thread cannot be timed
# on the virtual clock). The three blocking_io calls run on three workers of the loop's default
# ThreadPoolExecutor, each sleeping 1 s on its own worker's clock: the gather ends at 1.0, and the
# loop stays free meanwhile (the ticker keeps ticking).
import asyncio
import os
import sys
import time

sys.path.insert(0, os.path.join(os.getcwd(), "support"))  # generate.py runs a scenario in its folder
from virtual_executor import to_thread


def blocking_io(x):
    time.sleep(1)
    return x * 2


async def ticker():
    for i in range(3):
        print(f"{time.time():.3f} tick {i}")
        await asyncio.sleep(0.4)


async def using_to_thread():
    t0 = time.time()
    res = await asyncio.gather(
        to_thread(blocking_io, 1),
        to_thread(blocking_io, 2),
        to_thread(blocking_io, 3),
    )
    print("to_thread elapsed", time.time() - t0, res)


async def main():
    tick = asyncio.create_task(ticker())
    await using_to_thread()
    await tick


asyncio.run(main())
