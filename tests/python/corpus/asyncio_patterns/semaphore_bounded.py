# Bounded concurrency: at most three downloads at a time with a Semaphore.
import asyncio

async def download(n, limit, running):
    async with limit:
        running.append(n)
        print(f"t={asyncio.get_running_loop().time():.1f} start {n} (running: {len(running)})")
        await asyncio.sleep(1 + n % 3)
        running.remove(n)
    return n * 10

async def main():
    limit = asyncio.Semaphore(3)
    running = []
    results = await asyncio.gather(*(download(n, limit, running) for n in range(8)))
    print(results)
    print("locked at the end:", limit.locked())

asyncio.run(main())
