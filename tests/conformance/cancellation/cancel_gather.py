import asyncio

async def child(n, d):
    try:
        await asyncio.sleep(d)
        print("child", n, "finished")
        return n
    except asyncio.CancelledError:
        print("child", n, "cancelled")
        raise

async def parent():
    try:
        await asyncio.gather(child(1, 0.5), child(2, 2), child(3, 3))
    except asyncio.CancelledError:
        print("parent cancelled at", asyncio.get_running_loop().time())
        raise

async def main():
    p = asyncio.create_task(parent())
    await asyncio.sleep(1)
    p.cancel()
    try:
        await p
    except asyncio.CancelledError:
        print("parent task cancelled", p.cancelled())

asyncio.run(main())
