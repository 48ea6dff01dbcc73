# An error inside a TaskGroup escapes asyncio.run as an ExceptionGroup.
import asyncio

async def job(n):
    await asyncio.sleep(n)
    if n == 2:
        raise ValueError("job 2 failed")
    print("job", n, "done")

async def main():
    async with asyncio.TaskGroup() as tg:
        for n in range(1, 4):
            tg.create_task(job(n))
    print("never printed")

asyncio.run(main())
