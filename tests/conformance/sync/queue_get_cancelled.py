import asyncio

def now():
    return asyncio.get_running_loop().time()

async def consumer(name, q):
    try:
        item = await q.get()
        print(name, "got", item, "at", now())
    except asyncio.CancelledError:
        print(name, "cancelled at", now(), q)
        raise

async def finish(t):
    try:
        await t
    except asyncio.CancelledError:
        print("  task cancelled:", t.cancelled())

async def main():
    q = asyncio.Queue()
    # 1. A getter cancelled while it waits leaves the line: the next put goes to the next getter.
    a = asyncio.create_task(consumer("a", q))
    b = asyncio.create_task(consumer("b", q))
    await asyncio.sleep(0)
    a.cancel()
    print("a.cancel() while it waits:", q)
    await asyncio.sleep(0)
    q.put_nowait(1)
    await finish(a)
    await finish(b)
    # 2. A getter woken by put_nowait() and cancelled before it ran passes the wakeup on.
    c = asyncio.create_task(consumer("c", q))
    d = asyncio.create_task(consumer("d", q))
    await asyncio.sleep(0)
    q.put_nowait(2)
    print("put 2 woke c:", q)
    c.cancel()
    await finish(c)
    await finish(d)
    # 3. Woken, then robbed and cancelled: with nothing left to take, nobody else is woken.
    e = asyncio.create_task(consumer("e", q))
    f = asyncio.create_task(consumer("f", q))
    await asyncio.sleep(0)
    q.put_nowait(3)
    print("main takes back", q.get_nowait())
    e.cancel()
    await finish(e)
    print("f still waits:", q)
    q.put_nowait(4)
    await finish(f)
    # 4. get() with a timeout.
    try:
        await asyncio.wait_for(q.get(), timeout=1.5)
    except TimeoutError:
        print("get timed out at", now(), q)
    # 5. A getter still waiting when main returns is cancelled by asyncio.run.
    asyncio.create_task(consumer("g", q))
    await asyncio.sleep(0)
    print("main returns at", now(), q)

asyncio.run(main())
