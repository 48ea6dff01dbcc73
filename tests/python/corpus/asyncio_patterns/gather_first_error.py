# Without return_exceptions, gather raises the first error; the other children keep running.
import asyncio

async def job(n):
    await asyncio.sleep(n)
    if n == 1:
        raise ValueError("job 1 broke")
    print("job", n, "finished at", asyncio.get_running_loop().time())
    return n

async def main():
    tasks = [asyncio.create_task(job(n)) for n in (1, 2, 3)]
    try:
        await asyncio.gather(*tasks)
    except ValueError as e:
        print("gather raised", repr(e), "at", asyncio.get_running_loop().time())
    print([t.done() for t in tasks])
    await asyncio.sleep(3)
    print([t.result() for t in tasks[1:]], tasks[0].exception())

asyncio.run(main())
