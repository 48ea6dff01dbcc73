# An uncaught ClientResponseError ends the run.
import asyncio
import aiohttp

async def main():
    async with aiohttp.ClientSession() as session:
        async with session.get("https://api.test/users/1") as resp:
            print(resp.status, await resp.text())
        async with session.get("https://api.test/users/2/status/403") as resp:
            resp.raise_for_status()
            print("never printed")

asyncio.run(main())
