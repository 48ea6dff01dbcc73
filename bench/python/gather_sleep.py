# Benchmark "gather_sleep": 100,000 tasks gathered, each sleeping 1 s (of virtual time).
import asyncio


async def sleeper():
    await asyncio.sleep(1)


async def main():
    results = await asyncio.gather(*[sleeper() for _ in range(100_000)])
    print(len(results))


asyncio.run(main())
