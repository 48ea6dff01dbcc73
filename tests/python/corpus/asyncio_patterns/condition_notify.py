# asyncio.Condition: consumers wait until the shared list has items.
import asyncio

async def consumer(name, cond, items):
    async with cond:
        await cond.wait_for(lambda: items)
        item = items.pop(0)
        print(name, "took", item, "at", asyncio.get_running_loop().time())

async def producer(cond, items):
    for n in range(3):
        await asyncio.sleep(1)
        async with cond:
            items.append(f"item{n}")
            cond.notify()
    await asyncio.sleep(1)
    async with cond:
        items.extend(["x", "y"])
        cond.notify_all()

async def main():
    cond = asyncio.Condition()
    items = []
    consumers = [consumer(f"c{i}", cond, items) for i in range(5)]
    await asyncio.gather(producer(cond, items), *consumers)
    print("left:", items)

asyncio.run(main())
