# Retrying failed requests with a growing delay.
import asyncio
import aiohttp

async def get_with_retry(session, urls, attempts_delay=0.1):
    for attempt, url in enumerate(urls, 1):
        resp = await session.get(url)
        if resp.ok:
            print(f"attempt {attempt}: {resp.status} at {asyncio.get_running_loop().time():.3f}")
            return await resp.json()
        print(f"attempt {attempt}: {resp.status} {resp.reason}, retrying")
        await asyncio.sleep(attempts_delay * 2 ** attempt)
    raise RuntimeError("all attempts failed")

async def main():
    async with aiohttp.ClientSession() as session:
        data = await get_with_retry(session, [
            "https://flaky.test/status/503",
            "https://flaky.test/status/502",
            "https://flaky.test/data",
        ])
        print(data)
        try:
            await get_with_retry(session, ["https://down.test/status/500"])
        except RuntimeError as e:
            print("RuntimeError:", e)

asyncio.run(main())
