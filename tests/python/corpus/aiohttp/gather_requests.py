# session.get(...) objects are awaitables, not coroutines: gather and wait_for wrap them in Tasks.
import asyncio
import aiohttp

async def main():
    loop = asyncio.get_running_loop()
    async with aiohttp.ClientSession() as session:
        requests = [session.get(f"https://api.test/item/{n}") for n in range(4)]
        responses = await asyncio.gather(*requests)
        print([r.status for r in responses], f"{loop.time():.3f}")
        print(responses[0])
        again = await asyncio.gather(requests[0], requests[0])
        print(again[0] is again[1], again[0] is responses[0], f"{loop.time():.3f}")
        try:
            await asyncio.wait_for(session.get("https://api.test/slow"), timeout=0.1)
        except TimeoutError:
            print("timed out at", f"{loop.time():.3f}")
        try:
            asyncio.create_task(session.get("https://api.test/task"))
        except TypeError as e:
            print("TypeError:", e)

asyncio.run(main())
