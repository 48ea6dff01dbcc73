# A per-request timeout with asyncio.wait_for; slow URLs are given up on.
import asyncio
import aiohttp

async def fetch(session, url):
    async with session.get(url) as resp:
        return await resp.text()

async def fetch_or_none(session, url, timeout):
    try:
        return await asyncio.wait_for(fetch(session, url), timeout)
    except asyncio.TimeoutError:
        print("gave up on", url, "at", asyncio.get_running_loop().time())
        return None

async def main():
    urls = [f"https://slow.test/{word}" for word in ["alpha", "beta", "gamma", "delta", "epsilon"]]
    async with aiohttp.ClientSession() as session:
        bodies = await asyncio.gather(*(fetch_or_none(session, u, 0.25) for u in urls))
    print([b is not None for b in bodies])

asyncio.run(main())
