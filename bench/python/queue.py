# Benchmark "queue": 100,000 items through an asyncio.Queue(maxsize=100) to 10 consumers.
import asyncio


async def consumer(queue):
    handled = 0
    while (item := await queue.get()) is not None:
        handled += 1
    return handled


async def main():
    queue = asyncio.Queue(maxsize=100)
    consumers = [asyncio.create_task(consumer(queue)) for _ in range(10)]
    for item in range(100_000):
        await queue.put(item)
    for _ in consumers:
        await queue.put(None)
    print(sum(await asyncio.gather(*consumers)))


asyncio.run(main())
