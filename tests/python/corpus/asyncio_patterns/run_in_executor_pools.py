# run_in_executor with the default pool and with a ThreadPoolExecutor of 2 workers.
import asyncio
import concurrent.futures
import time

def job(n):
    time.sleep(1)
    return n * n

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    results = await asyncio.gather(*(loop.run_in_executor(None, job, n) for n in range(4)))
    print("default pool:", results, loop.time() - start)
    start = loop.time()
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        results = await asyncio.gather(*(loop.run_in_executor(pool, job, n) for n in range(5)))
    print("two workers:", results, loop.time() - start)

asyncio.run(main())
