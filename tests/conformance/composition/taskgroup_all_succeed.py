import asyncio

async def work(n, d):
    await asyncio.sleep(d)
    print("work", n, "done at", asyncio.get_running_loop().time())
    return n * 10

async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(work(1, 0.2))
        b = tg.create_task(work(2, 0.1))
        print("created", a.get_name(), b.get_name())
    print("block exited at", asyncio.get_running_loop().time(), "results", a.result(), b.result())

asyncio.run(main())
