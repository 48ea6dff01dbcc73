import asyncio

async def background(n):
    try:
        print("background", n, "started")
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        print("background", n, "cancelled at", asyncio.get_running_loop().time())
        await asyncio.sleep(0.25)
        print("background", n, "cleaned up at", asyncio.get_running_loop().time())
        raise

async def main():
    asyncio.create_task(background(1))
    asyncio.create_task(background(2))
    await asyncio.sleep(1)
    print("main returns at", asyncio.get_running_loop().time())

asyncio.run(main())
print("asyncio.run returned")
