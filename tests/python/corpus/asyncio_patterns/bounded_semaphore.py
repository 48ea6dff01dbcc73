# Semaphore vs BoundedSemaphore, and what locked() reports while slots are taken.
import asyncio

async def hold(sem, name, seconds):
    async with sem:
        print(name, "in at", asyncio.get_running_loop().time(), "locked:", sem.locked())
        await asyncio.sleep(seconds)

async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(hold(sem, "a", 1), hold(sem, "b", 2), hold(sem, "c", 1))
    sem.release()
    print("a plain Semaphore can be released extra:", sem.locked())
    bounded = asyncio.BoundedSemaphore(1)
    async with bounded:
        print("bounded held, locked:", bounded.locked())
    try:
        bounded.release()
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
