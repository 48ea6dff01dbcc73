# Every rule of the simulated aiohttp (tests/golden/README.md), one line each.
import asyncio
import aiohttp

async def main():
    loop = asyncio.get_running_loop()
    session = aiohttp.ClientSession(headers={"ignored": "yes"})
    print(session.closed, sorted(n for n in dir(aiohttp) if n[0].isupper()))
    for url in ["https://h.test/status/404?x=1", "https://h.test/status/4041",
                "https://h.test/?s=/status/404", "https://h.test/status/299#top"]:
        resp = await session.get(url, params={"ignored": 1})
        print(f"{loop.time():.3f}", resp.status, repr(resp.reason), resp.ok, resp)
    request = session.get("https://example.com/page/0")
    async with request as first:
        print(f"{loop.time():.3f}", first.status, await first.text())
    second = await request
    print(f"{loop.time():.3f}", first is second, second.release())
    resp = await session.post("https://h.test/status/500", {"k": "v"}, json=None)
    print(await resp.json(), await resp.read())
    try:
        resp.raise_for_status()
    except aiohttp.ClientError as e:
        print(type(e).__name__, e.args, repr(e))
    print(await session.close(), session.closed)

asyncio.run(main())
