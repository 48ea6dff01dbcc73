# await session.get(...) without async with; json() of GET and POST.
import asyncio
import aiohttp

async def main():
    session = aiohttp.ClientSession()
    resp = await session.get("https://api.test/users/7?verbose=1")
    data = await resp.json()
    print(data)
    print(resp.url, resp.method, resp)
    resp.release()
    resp = await session.post("https://api.test/users", json={"name": "Ann", "tags": [1, 2]})
    print(await resp.json())
    print(await resp.text())
    await session.close()
    print("closed:", session.closed, "at", asyncio.get_running_loop().time())

asyncio.run(main())
