# PriorityQueue and LifoQueue, and queue.get_nowait / put_nowait errors.
import asyncio

async def main():
    pq = asyncio.PriorityQueue()
    for priority, job in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]:
        pq.put_nowait((priority, job))
    while not pq.empty():
        print(await pq.get())
    lifo = asyncio.LifoQueue()
    for item in "abc":
        await lifo.put(item)
    print([lifo.get_nowait() for _ in range(lifo.qsize())])
    small = asyncio.Queue(maxsize=1)
    small.put_nowait("x")
    print(small.full(), small.maxsize)
    try:
        small.put_nowait("y")
    except asyncio.QueueFull:
        print("QueueFull")
    small.get_nowait()
    try:
        small.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    try:
        await asyncio.wait_for(small.get(), timeout=0.5)
    except asyncio.TimeoutError:
        print("get timed out at", asyncio.get_running_loop().time())

asyncio.run(main())
