import asyncio

async def example_future():
    await asyncio.sleep(1)
    return "done"

async def main():
    coro = example_future()
    print(coro)
    task = asyncio.create_task(coro)
    print(task)
    await asyncio.sleep(0)
    print(task)
    await task
    print(task)

asyncio.run(main())
