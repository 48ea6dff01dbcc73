# as_completed yields results in the order they finish.
import asyncio

async def fetch(name, delay):
    await asyncio.sleep(delay)
    return f"{name} after {delay}s"

async def main():
    jobs = [fetch("slow", 3), fetch("fast", 1), fetch("medium", 2)]
    for finished in asyncio.as_completed(jobs):
        result = await finished
        print(asyncio.get_running_loop().time(), result)
    try:
        for finished in asyncio.as_completed([fetch("late", 5)], timeout=1):
            await finished
    except asyncio.TimeoutError:
        print("as_completed timed out at", asyncio.get_running_loop().time())

asyncio.run(main())
