import asyncio

async def inner():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("inner cancelled at", asyncio.get_running_loop().time())
        raise

async def outer(inner_task):
    try:
        await inner_task
    except asyncio.CancelledError:
        print("outer cancelled at", asyncio.get_running_loop().time())
        raise

async def main():
    i = asyncio.create_task(inner())
    o = asyncio.create_task(outer(i))
    await asyncio.sleep(1)
    o.cancel()
    for t in (o, i):
        try:
            await t
        except asyncio.CancelledError:
            pass
    print("outer cancelled", o.cancelled(), "inner cancelled", i.cancelled())

asyncio.run(main())
