# The reprs learners see: coroutines, tasks, futures, sleep results.
import asyncio

async def work(n):
    await asyncio.sleep(n)
    return n

async def main():
    coro = work(1)
    print(coro)
    task = asyncio.create_task(coro, name="worker")
    print(task)
    await asyncio.sleep(0)
    print(task)
    await task
    print(task)
    print(await asyncio.sleep(0.5, result="slept"), asyncio.get_running_loop().time())

asyncio.run(main())
