import asyncio

async def spinner():
    n = 0
    try:
        while True:
            n += 1
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        print("spinner cancelled after", n, "turns")
        raise

async def main():
    t = asyncio.create_task(spinner())
    for _ in range(3):
        await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("spinner is cancelled:", t.cancelled())

asyncio.run(main())
