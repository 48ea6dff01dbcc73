import asyncio

async def precious():
    await asyncio.sleep(2)
    print("precious finished at", asyncio.get_running_loop().time())
    return 42

async def main():
    inner = asyncio.create_task(precious())
    try:
        await asyncio.wait_for(asyncio.shield(inner), timeout=1)
    except TimeoutError:
        print("timed out at", asyncio.get_running_loop().time(), "inner cancelled:", inner.cancelled())
    print("inner result", await inner)

asyncio.run(main())
