# Several producers and consumers; consumers stop at a None sentinel.
import asyncio

async def producer(name, queue, count):
    for i in range(count):
        await asyncio.sleep(0.3)
        await queue.put(f"{name}-{i}")
    print(name, "finished producing at", round(asyncio.get_running_loop().time(), 3))

async def consumer(name, queue):
    handled = 0
    while (item := await queue.get()) is not None:
        await asyncio.sleep(0.5)
        handled += 1
        print(name, "handled", item)
    print(name, "saw the sentinel after", handled, "items")
    return handled

async def main():
    queue = asyncio.Queue()
    consumers = [asyncio.create_task(consumer(f"c{i}", queue)) for i in range(2)]
    await asyncio.gather(producer("p1", queue, 3), producer("p2", queue, 2))
    for _ in consumers:
        await queue.put(None)
    print("handled per consumer:", await asyncio.gather(*consumers))

asyncio.run(main())
