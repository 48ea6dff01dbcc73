import asyncio
from dataclasses import dataclass, field

@dataclass(order=True)
class Job:  # the pattern from the asyncio docs: ordered by priority only
    priority: int
    name: str = field(compare=False)

def now():
    return asyncio.get_running_loop().time()

async def consumer(q):
    for _ in range(3):
        priority, name = await q.get()
        print("consumer got", priority, name, "at", now())
        await asyncio.sleep(1)

async def main():
    pq = asyncio.PriorityQueue()
    for item in [(3, "c"), (1, "a"), (2, "b"), (1, "a"), (0, "z"), (2, "a")]:
        pq.put_nowait(item)
    print(pq)
    while not pq.empty():
        priority, name = pq.get_nowait()
        print("priority", priority, name)
    # heapq is not stable: jobs of equal priority come out in an order fixed by the heap's shape.
    jobs = asyncio.PriorityQueue()
    for i, priority in enumerate([1, 1, 1, 0, 1, 1, 1, 1]):
        jobs.put_nowait(Job(priority, f"job{i}"))
    order = []
    while not jobs.empty():
        order.append(jobs.get_nowait().name)
    print("equal priorities:", " ".join(order))
    # A waiting getter of a PriorityQueue takes the smallest item present when it runs.
    task = asyncio.create_task(consumer(pq))
    await asyncio.sleep(0)
    pq.put_nowait((5, "late"))
    pq.put_nowait((4, "later but smaller"))
    await asyncio.sleep(0.5)
    pq.put_nowait((9, "last"))
    await task
    lq = asyncio.LifoQueue(maxsize=3)
    for i in range(3):
        await lq.put(i)
    print(lq, "full", lq.full())
    while not lq.empty():
        print("lifo", lq.get_nowait())

asyncio.run(main())
