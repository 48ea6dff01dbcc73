# A task cancelled while it waits on a lock and a semaphore releases them in finally.
import asyncio

async def worker(name, lock):
    print(name, "waiting for the lock")
    async with lock:
        print(name, "has the lock at", asyncio.get_running_loop().time())
        try:
            await asyncio.sleep(10)
        finally:
            print(name, "cleaning up at", asyncio.get_running_loop().time())

async def main():
    lock = asyncio.Lock()
    first = asyncio.create_task(worker("first", lock))
    second = asyncio.create_task(worker("second", lock))
    await asyncio.sleep(1)
    first.cancel()
    await asyncio.sleep(1)
    print("lock locked:", lock.locked())
    second.cancel()
    results = await asyncio.gather(first, second, return_exceptions=True)
    print([type(r).__name__ for r in results], lock.locked())

asyncio.run(main())
