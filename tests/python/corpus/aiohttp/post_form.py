# POST with json= and data=, and reading the echoed body.
import asyncio
import aiohttp

async def main():
    async with aiohttp.ClientSession() as session:
        async with session.post("https://forms.test/submit", data="name=ann") as resp:
            print(resp.method, resp.status, await resp.json())
        async with session.post("https://forms.test/api", json=[1, 2, 3]) as resp:
            reply = await resp.json()
            print(reply["json"], sum(reply["json"]))
        body = await (await session.get("https://forms.test/thanks")).read()
        print(body, len(body))
    try:
        await session.get("https://forms.test/again")
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
