# An awaitable passed twice to gather is gathered once: its result at both places, and a cancel reaches it once per place.
import asyncio

async def work(n):
    await asyncio.sleep(n)
    print("work", n, "done at", asyncio.get_running_loop().time())
    return n * 10

async def main():
    t = asyncio.create_task(work(1))
    print(await asyncio.gather(t, t, work(2)))
    coro = work(0.5)
    print(await asyncio.gather(coro, coro, return_exceptions=True))
    u = asyncio.create_task(work(3))
    group = asyncio.gather(u, u)
    await asyncio.sleep(0)
    print("cancel:", group.cancel(), "cancelling:", u.cancelling())
    try:
        await group
    except asyncio.CancelledError:
        print("gather cancelled:", group.cancelled(), "task cancelled:", u.cancelled())

asyncio.run(main())
