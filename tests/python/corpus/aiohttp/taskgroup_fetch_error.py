# A TaskGroup of fetches where one raises for its status; except* handles it.
import asyncio
import aiohttp

async def fetch(session, url):
    async with session.get(url) as resp:
        resp.raise_for_status()
        print("fetched", url)
        return resp.status

async def main():
    urls = ["https://shop.test/cart", "https://shop.test/status/404", "https://shop.test/user"]
    try:
        async with aiohttp.ClientSession() as session:
            async with asyncio.TaskGroup() as tg:
                for url in urls:
                    tg.create_task(fetch(session, url))
    except* aiohttp.ClientResponseError as eg:
        for e in eg.exceptions:
            print("failed:", e.status, e.message)
    print("done at", asyncio.get_running_loop().time())

asyncio.run(main())
