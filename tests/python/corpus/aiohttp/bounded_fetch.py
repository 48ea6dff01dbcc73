# At most 3 requests in flight: a Semaphore around each fetch.
import asyncio
import aiohttp

async def fetch(session, limit, url):
    async with limit:
        start = asyncio.get_running_loop().time()
        async with session.get(url) as resp:
            await resp.text()
            end = asyncio.get_running_loop().time()
            print(f"{url[-7:]} {start:.3f} -> {end:.3f}")
            return resp.status

async def main():
    limit = asyncio.Semaphore(3)
    urls = [f"https://api.test/item/{n:02}" for n in range(10)]
    async with aiohttp.ClientSession() as session:
        statuses = await asyncio.gather(*(fetch(session, limit, u) for u in urls))
    print(statuses.count(200), "ok at", round(asyncio.get_running_loop().time(), 3))

asyncio.run(main())
