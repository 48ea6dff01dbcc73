# Queue's non-waiting side: put_nowait on a full queue, get_nowait on an empty one, and the reprs
# of a queue and the locks as they change.
import asyncio

async def main():
    q = asyncio.Queue(maxsize=2)
    print(q.maxsize, q.qsize(), q.empty(), q.full())
    q.put_nowait("a")
    q.put_nowait(("b", 2))
    print(q, q.qsize(), q.full())
    try:
        q.put_nowait("c")
    except asyncio.QueueFull:
        print("QueueFull at", q.qsize())
    print(q.get_nowait(), q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("QueueEmpty", repr(e))
    q.task_done()
    q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    lock = asyncio.Lock()
    event = asyncio.Event()
    sem = asyncio.Semaphore(2)
    print(lock.locked(), event.is_set(), sem.locked())
    async with lock:
        print("inside:", lock.locked())
    await sem.acquire()
    await sem.acquire()
    print("semaphore taken twice:", sem.locked())
    sem.release()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    pq = asyncio.PriorityQueue()
    for item in [(3, "c"), (1, "a"), (2, "b"), (1, "z")]:
        pq.put_nowait(item)
    print([pq.get_nowait() for _ in range(pq.qsize())])
    lq = asyncio.LifoQueue()
    for i in range(3):
        await lq.put(i)
    print([await lq.get() for _ in range(3)])
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
