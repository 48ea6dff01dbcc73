import asyncio

async def ok(n, d):
    await asyncio.sleep(d)
    return n

async def bad(d):
    await asyncio.sleep(d)
    raise ValueError(f"bad after {d}")

async def main():
    results = await asyncio.gather(ok(1, 0.3), bad(0.1), ok(3, 0.2), return_exceptions=True)
    for r in results:
        print(type(r).__name__, r)
    try:
        await asyncio.gather(ok(1, 0.3), bad(0.2), bad(0.1))
    except ValueError as e:
        print("first exception:", e, "at", asyncio.get_running_loop().time())

asyncio.run(main())
