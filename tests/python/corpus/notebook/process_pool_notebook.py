# A notebook (top-level await) has no file a spawned worker could import: a process pool's worker
# cannot find the notebook's function, dies, and the pool reports it broken.
import asyncio
import concurrent.futures


def square(x):
    return x * x


async def main():
    loop = asyncio.get_running_loop()
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        try:
            print(await loop.run_in_executor(pool, square, 3))
        except Exception as e:
            print(type(e).__name__, e)
        print(await loop.run_in_executor(pool, abs, -3))

await main()
