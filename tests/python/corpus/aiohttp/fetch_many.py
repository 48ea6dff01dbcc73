# Fetch many URLs concurrently with one session; each URL has its own latency.
import asyncio
import time
import aiohttp

URLS = [f"https://example.com/page/{n}" for n in range(6)]

async def fetch(session, url):
    async with session.get(url) as resp:
        body = await resp.text()
        print(f"{time.perf_counter():.3f} {resp.status} {url} {len(body)} chars")
        return resp.status

async def main():
    start = time.perf_counter()
    async with aiohttp.ClientSession() as session:
        statuses = await asyncio.gather(*(fetch(session, url) for url in URLS))
    print(statuses, f"all in {time.perf_counter() - start:.3f}s")

asyncio.run(main())
