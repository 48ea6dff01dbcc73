# asyncio.run, await asyncio.sleep, and the virtual clock.
import asyncio
import time

async def main():
    start = time.perf_counter()
    print("hello")
    await asyncio.sleep(1)
    print("world after", time.perf_counter() - start)
    await asyncio.sleep(0.5)
    return "done"

if __name__ == "__main__":
    result = asyncio.run(main())
    print(result, time.perf_counter())
