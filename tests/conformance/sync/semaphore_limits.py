import asyncio

def now():
    return asyncio.get_running_loop().time()

async def job(i, sem, duration):
    async with sem:
        print("job", i, "starts at", now(), sem)
        await asyncio.sleep(duration)
        print("job", i, "ends at", now())

async def acquirer(name, sem, hold=0):
    try:
        await sem.acquire()
        print(name, "acquired at", now(), sem)
        await asyncio.sleep(hold)
        sem.release()
    except asyncio.CancelledError:
        print(name, "cancelled at", now(), sem)
        raise

async def finish(t):
    try:
        await t
    except asyncio.CancelledError:
        print("  task cancelled:", t.cancelled())

async def main():
    # 1. Two at a time among five jobs; freed slots go to the waiters in order.
    sem = asyncio.Semaphore(2)
    print(sem, "locked", sem.locked())
    await asyncio.gather(*(job(i, sem, d) for i, d in enumerate((1, 2, 1, 1.5, 0.5))))
    print("all done at", now(), sem)
    # 2. release() reserves the slot for the first waiter, which has not run yet: after a second
    #    release() the value is 1, yet acquire() waits behind that waiter - which, once it runs,
    #    sees the spare slot and wakes the next waiter.
    one = asyncio.Semaphore(1)
    await one.acquire()
    w = asyncio.create_task(acquirer("w", one, 1))
    await asyncio.sleep(0)
    one.release()
    print("released to w:", one, "locked", one.locked())
    one.release()
    print("released again:", one, "locked", one.locked())
    await one.acquire()
    print("main acquired after w, at", now(), one)
    await finish(w)
    one.release()
    # 3. A woken waiter cancelled before it runs gives its slot to the next waiter.
    await one.acquire()
    await one.acquire()
    x = asyncio.create_task(acquirer("x", one))
    y = asyncio.create_task(acquirer("y", one))
    await asyncio.sleep(0)
    one.release()
    x.cancel()
    print("released to x, then cancelled x:", one)
    await finish(x)
    await finish(y)
    print("finally", one)

asyncio.run(main())
