import asyncio

def now():
    return asyncio.get_running_loop().time()

async def holder(name, sem, hold):
    async with sem:
        print(name, "holds a slot at", now(), sem)
        await asyncio.sleep(hold)

async def main():
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)
    sem = asyncio.BoundedSemaphore(2)
    print(sem)
    await sem.acquire()
    await sem.acquire()
    print("two acquired:", sem)
    sem.release()
    sem.release()
    try:
        sem.release()
    except ValueError as e:
        print("ValueError:", e, sem)
    # Waiters do not change the rule: a release while slots are reserved for woken waiters is fine.
    await asyncio.gather(*(holder(f"h{i}", sem, 1) for i in range(4)))
    print("after the holders:", sem)
    # A plain Semaphore has no bound: an extra release() adds a slot.
    plain = asyncio.Semaphore(1)
    plain.release()
    async with plain:
        async with plain:
            print("Semaphore(1) held twice after an extra release:", plain)

asyncio.run(main())
