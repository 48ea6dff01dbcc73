# sleep(0) yields to the loop: tasks take turns.
import asyncio

async def count(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)

async def main():
    await asyncio.gather(count("a", 3), count("b", 2), count("c", 3))
    print("time still", asyncio.get_running_loop().time())

asyncio.run(main())
