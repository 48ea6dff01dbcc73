# Cancelling a gather cancels every child that has not finished.
import asyncio

async def child(n):
    try:
        await asyncio.sleep(n)
        print("child", n, "finished")
        return n
    except asyncio.CancelledError:
        print("child", n, "cancelled at", asyncio.get_running_loop().time())
        raise

async def main():
    group = asyncio.gather(child(1), child(2), child(3))
    await asyncio.sleep(1.5)
    group.cancel()
    try:
        await group
    except asyncio.CancelledError:
        print("gather cancelled:", group.cancelled())
    results = await asyncio.gather(child(0.5), asyncio.sleep(0.25, "plain"), return_exceptions=True)
    print(results)

asyncio.run(main())
