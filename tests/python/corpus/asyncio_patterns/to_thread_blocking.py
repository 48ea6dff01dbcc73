# to_thread runs blocking code in a worker; time.sleep there only moves that worker.
import asyncio
import time

def blocking_io(name, seconds):
    time.sleep(seconds)
    return f"{name} read in {seconds}s"

async def ticker():
    for _ in range(3):
        await asyncio.sleep(1)
        print("tick at", time.perf_counter())

async def main():
    start = time.perf_counter()
    results = await asyncio.gather(
        asyncio.to_thread(blocking_io, "a.txt", 2),
        asyncio.to_thread(blocking_io, "b.txt", 3),
        ticker(),
    )
    print(results[:2], "elapsed", time.perf_counter() - start)
    blocking_io("on the loop", 1)
    print("the loop itself was blocked until", time.perf_counter())

asyncio.run(main())
