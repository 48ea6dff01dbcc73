# Producer/consumer with asyncio.Queue, join() and task_done().
import asyncio

async def producer(queue, items):
    for item in items:
        await asyncio.sleep(0.5)
        await queue.put(item)
        print(f"produced {item} (size {queue.qsize()})")

async def consumer(name, queue, seen):
    while True:
        item = await queue.get()
        await asyncio.sleep(1.2)
        seen.append((name, item))
        print(f"{name} consumed {item}")
        queue.task_done()

async def main():
    queue = asyncio.Queue(maxsize=2)
    seen = []
    consumers = [asyncio.create_task(consumer(f"c{i}", queue, seen)) for i in range(2)]
    await producer(queue, range(6))
    await queue.join()
    for c in consumers:
        c.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)
    print(len(seen), "items at", asyncio.get_running_loop().time())

asyncio.run(main())
