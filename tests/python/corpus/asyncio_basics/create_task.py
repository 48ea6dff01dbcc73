# create_task starts work that runs while main waits.
import asyncio

async def worker(name, delay):
    print(f"{name} starts")
    await asyncio.sleep(delay)
    print(f"{name} done after {delay}")
    return name.upper()

async def main():
    loop = asyncio.get_running_loop()
    a = asyncio.create_task(worker("a", 2))
    b = asyncio.create_task(worker("b", 1), name="fetcher")
    print(a.get_name(), b.get_name(), a.done())
    await asyncio.sleep(0)
    print("both started at", loop.time())
    print(await a, await b, a.done(), b.result())
    print("finished at", loop.time())

asyncio.run(main())
