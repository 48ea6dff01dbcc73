import asyncio

async def fetch(n, d):
    await asyncio.sleep(d)
    return f"result {n} after {d}"

async def main():
    for next_done in asyncio.as_completed([fetch(1, 0.3), fetch(2, 0.1), fetch(3, 0.2)]):
        print(await next_done, "at", asyncio.get_running_loop().time())

asyncio.run(main())
