import asyncio

def now():
    return asyncio.get_running_loop().time()

async def producer(q):
    for i in range(5):
        await q.put(i)
        print("put", i, "at", now(), "qsize", q.qsize(), "full", q.full())

async def consumer(q):
    for _ in range(5):
        await asyncio.sleep(1)
        item = await q.get()
        print("got", item, "at", now())

async def putter(name, item, q):
    try:
        await q.put(item)
        print(name, "put at", now())
    except asyncio.CancelledError:
        print(name, "cancelled at", now(), q)
        raise

async def main():
    q = asyncio.Queue(maxsize=2)
    print("maxsize", q.maxsize, "empty", q.empty(), "full", q.full())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("get_nowait on an empty queue:", type(e).__name__)
    # The producer runs ahead until the queue is full, then keeps pace with the consumer.
    await asyncio.gather(producer(q), consumer(q))
    q.put_nowait(10)
    q.put_nowait(11)
    try:
        q.put_nowait(12)
    except asyncio.QueueFull as e:
        print("put_nowait on a full queue:", type(e).__name__, q)
    # A put() that times out leaves the queue as it was.
    try:
        async with asyncio.timeout(0.5):
            await q.put(12)
    except TimeoutError:
        print("put timed out at", now(), q)
    # Two putters wait; get_nowait() wakes the first, which is cancelled before it runs:
    # it hands the free slot on to the second.
    p1 = asyncio.create_task(putter("p1", 21, q))
    p2 = asyncio.create_task(putter("p2", 22, q))
    await asyncio.sleep(0)
    print("two putters wait:", q)
    print("main took", q.get_nowait(), q)
    p1.cancel()
    try:
        await p1
    except asyncio.CancelledError:
        print("p1 cancelled:", p1.cancelled())
    await p2
    print("queue holds", q.get_nowait(), "and", q.get_nowait())

asyncio.run(main())
