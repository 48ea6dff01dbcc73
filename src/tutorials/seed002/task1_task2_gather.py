import asyncio

async def task1():
       await asyncio.sleep(4)
       print("\tTask 1 done")

async def task2():
       await asyncio.sleep(1)
       print("\tTask 2 done")

async def main():
       t1 = asyncio.create_task(task1())
       t2 = asyncio.create_task(task2())
       print("Start main()...")
       await asyncio.gather(t1, t2)
       print("End main()...")

asyncio.run(main())
