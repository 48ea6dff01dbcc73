# Status codes, ok, reason and raise_for_status.
import asyncio
import aiohttp

async def main():
    async with aiohttp.ClientSession() as session:
        for code in ["200", "404", "500", "418"]:
            url = f"https://httpbin.test/status/{code}"
            async with session.get(url) as resp:
                print(resp.status, resp.reason, resp.ok)
                try:
                    resp.raise_for_status()
                    print("fine")
                except aiohttp.ClientResponseError as e:
                    print("error:", e.status, e.message)
                    print("str:", e)
                    print(isinstance(e, aiohttp.ClientError))

asyncio.run(main())
