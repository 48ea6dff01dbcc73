import asyncio

async def slow(d):
    try:
        await asyncio.sleep(d)
        return f"slept {d}"
    except asyncio.CancelledError:
        print("slow", d, "cancelled at", asyncio.get_running_loop().time())
        raise

async def main():
    print(await asyncio.wait_for(slow(1), timeout=2))
    try:
        await asyncio.wait_for(slow(5), timeout=2)
    except TimeoutError:
        print("TimeoutError at", asyncio.get_running_loop().time())
    try:
        async with asyncio.timeout(1.5):
            await slow(10)
    except TimeoutError:
        print("timeout block expired at", asyncio.get_running_loop().time())

asyncio.run(main())
