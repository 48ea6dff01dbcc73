# concurrent.futures inside asyncio: submit, wrap_future, as results arrive.
import asyncio
import concurrent.futures
import time

def measure(n):
    time.sleep(n / 2)
    return n * 100

async def main():
    loop = asyncio.get_running_loop()
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
        futures = [pool.submit(measure, n) for n in (3, 1, 2)]
        print([type(f).__name__ for f in futures][:1], futures[0].done())
        wrapped = [asyncio.wrap_future(f) for f in futures]
        for done in asyncio.as_completed(wrapped):
            print(await done, "at", loop.time())
        print([f.result() for f in futures])

asyncio.run(main())
