# current_task, all_tasks, task names.
import asyncio

async def child(n):
    me = asyncio.current_task()
    print("child", n, "is", me.get_name())
    await asyncio.sleep(n)

async def main():
    print("main is", asyncio.current_task().get_name())
    tasks = [asyncio.create_task(child(n)) for n in (1, 2)]
    tasks.append(asyncio.create_task(child(3), name="custom"))
    await asyncio.sleep(0)
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.sleep(1.5)
    print(len(asyncio.all_tasks()), "tasks left")
    await asyncio.gather(*tasks)
    print([t.get_name() for t in asyncio.all_tasks()])

asyncio.run(main())
