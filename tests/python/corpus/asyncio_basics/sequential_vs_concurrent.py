# Awaiting one by one adds the delays up; gathering overlaps them.
import asyncio
import time

async def brew(item, seconds):
    await asyncio.sleep(seconds)
    return f"{item} ready"

async def sequential():
    return [await brew("coffee", 2), await brew("tea", 1), await brew("toast", 3)]

async def concurrent():
    return await asyncio.gather(brew("coffee", 2), brew("tea", 1), brew("toast", 3))

async def main():
    for approach in (sequential, concurrent):
        start = time.time()
        print(approach.__name__, await approach(), f"{time.time() - start:.1f}s")

asyncio.run(main())
