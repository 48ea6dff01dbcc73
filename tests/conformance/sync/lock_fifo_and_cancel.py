import asyncio

def now():
    return asyncio.get_running_loop().time()

async def worker(name, lock, hold):
    print(name, "wants the lock at", now(), "locked", lock.locked())
    try:
        async with lock:
            print(name, "holds the lock at", now())
            await asyncio.sleep(hold)
            print(name, "releases it at", now())
    except asyncio.CancelledError:
        print(name, "cancelled at", now(), lock)
        raise

async def finish(t):
    try:
        await t
    except asyncio.CancelledError:
        print("  task cancelled:", t.cancelled())

async def main():
    lock = asyncio.Lock()
    # 1. Waiters get the lock in the order they asked; one cancelled while waiting leaves the line.
    tasks = [asyncio.create_task(worker(name, lock, 1)) for name in ("a", "b", "c", "d")]
    await asyncio.sleep(0.5)
    print("at", now(), lock)
    tasks[2].cancel()
    for t in tasks:
        await finish(t)
    # 2. Released to a waiter that is cancelled before it runs: it wakes the next one instead.
    #    Meanwhile nobody can barge in: a newcomer queues behind the woken waiter.
    await lock.acquire()
    e = asyncio.create_task(worker("e", lock, 0))
    f = asyncio.create_task(worker("f", lock, 0))
    await asyncio.sleep(0)
    lock.release()
    print("released to e:", lock)
    e.cancel()
    g = asyncio.create_task(worker("g", lock, 0))
    for t in (e, f, g):
        await finish(t)
    # 3. Released while its only waiter's cancellation is pending: acquire() takes it at once.
    await lock.acquire()
    h = asyncio.create_task(worker("h", lock, 0))
    await asyncio.sleep(0)
    h.cancel()
    lock.release()
    await lock.acquire()
    print("main took the lock back before h ran:", lock)
    await finish(h)
    lock.release()
    try:
        lock.release()
    except RuntimeError as err:
        print("RuntimeError:", err)

asyncio.run(main())
