# A Task's states: pending, done, cancelled, and its result or exception.
import asyncio

async def succeed():
    await asyncio.sleep(1)
    return 42

async def fail():
    await asyncio.sleep(1)
    raise ValueError("boom")

async def forever():
    await asyncio.sleep(100)

async def main():
    ok = asyncio.create_task(succeed())
    bad = asyncio.create_task(fail())
    slow = asyncio.create_task(forever())
    print(ok.done(), bad.done(), slow.done())
    await asyncio.sleep(2)
    print(ok.done(), ok.result())
    print(bad.done(), repr(bad.exception()))
    slow.cancel()
    try:
        await slow
    except asyncio.CancelledError:
        print("slow cancelled:", slow.cancelled())
    print(ok.cancelled(), bad.cancelled())

asyncio.run(main())
