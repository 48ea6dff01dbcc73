# asyncio.Event: many waiters released by one set().
import asyncio

async def waiter(name, event):
    print(name, "waiting")
    await event.wait()
    print(name, "released at", asyncio.get_running_loop().time())

async def main():
    ready = asyncio.Event()
    tasks = [asyncio.create_task(waiter(f"w{i}", ready)) for i in range(3)]
    await asyncio.sleep(1.5)
    print("setting, is_set before:", ready.is_set())
    ready.set()
    await asyncio.gather(*tasks)
    print("is_set:", ready.is_set())
    ready.clear()
    print("after clear:", ready.is_set())
    try:
        await asyncio.wait_for(waiter("late", ready), timeout=2)
    except TimeoutError:
        print("late waiter timed out at", asyncio.get_running_loop().time())

asyncio.run(main())
