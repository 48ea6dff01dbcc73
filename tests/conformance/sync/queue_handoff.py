import asyncio

def now():
    return asyncio.get_running_loop().time()

async def waiting_consumer(name, q):
    print(name, "waits for an item at", now())
    item = await q.get()
    print(name, "got", item, "at", now())

async def sleeping_consumer(q):
    await asyncio.sleep(1)
    print("sleeper wakes at", now(), "and finds", q)
    item = await q.get()
    print("sleeper got", item, "at", now())

async def producer(q):
    await asyncio.sleep(1)
    q.put_nowait("a")
    print("producer put a at", now(), "and woke the waiter:", q)
    await asyncio.sleep(1)
    q.put_nowait("b")
    print("producer put b at", now())

async def main():
    q = asyncio.Queue()
    # 1. put() wakes the first getter but does not hand it the item: main takes it back at once,
    #    and the woken getter, finding the queue empty, waits again - behind the second one.
    first = asyncio.create_task(waiting_consumer("first", q))
    second = asyncio.create_task(waiting_consumer("second", q))
    await asyncio.sleep(0)
    print("two getters wait:", q)
    q.put_nowait(1)
    print("main put 1:", q)
    print("main takes back", q.get_nowait())
    await asyncio.sleep(0)
    print("first waits again:", q)
    q.put_nowait(2)  # wakes second, now first in line
    await asyncio.sleep(0)
    q.put_nowait(3)  # wakes first
    await first
    await second
    # 2. A consumer whose timer fires in the same batch as the producer's runs before the woken
    #    getter, and takes the item.
    print("section 1 ends with", q)
    jobs = asyncio.Queue()
    waiter = asyncio.create_task(waiting_consumer("waiter", jobs))
    await asyncio.gather(producer(jobs), sleeping_consumer(jobs))
    await waiter
    print("done at", now(), jobs)

asyncio.run(main())
