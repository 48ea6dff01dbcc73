# add_done_callback runs after the task finishes, via the loop.
import asyncio

def report(task):
    print("callback:", task.get_name(), task.result(), asyncio.get_running_loop().time())

async def work(n):
    await asyncio.sleep(n)
    print("work", n, "returning")
    return n * 2

async def main():
    tasks = []
    for n in (2, 1):
        task = asyncio.create_task(work(n), name=f"job{n}")
        task.add_done_callback(report)
        tasks.append(task)
    print(await asyncio.gather(*tasks))
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "call_soon runs next")
    loop.call_later(0.5, print, "call_later after 0.5")
    print("scheduled both")
    await asyncio.sleep(1)

asyncio.run(main())
