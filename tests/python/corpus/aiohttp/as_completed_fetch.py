# Handling responses as they arrive with as_completed.
import asyncio
import aiohttp

async def fetch_json(session, url):
    async with session.get(url) as resp:
        return await resp.json()

async def main():
    cities = ["paris", "tokyo", "lima", "oslo", "cairo"]
    async with aiohttp.ClientSession() as session:
        jobs = [fetch_json(session, f"https://weather.test/{city}") for city in cities]
        for arrival, job in enumerate(asyncio.as_completed(jobs), 1):
            data = await job
            print(arrival, data["url"].rsplit("/", 1)[1], data["status"],
                  f"{asyncio.get_running_loop().time():.3f}")

asyncio.run(main())
