# asyncio.timeout's object: its states in repr, when(), reschedule(None), timeout_at, and a body
# that finishes in time.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    cm = asyncio.timeout(2)
    print(cm)
    async with cm:
        print("entered, when:", cm.when(), cm.expired())
        cm.reschedule(None)
        print("no deadline:", cm.when())
        await asyncio.sleep(3)
    print("finished at", loop.time(), cm.expired())
    try:
        async with asyncio.timeout_at(loop.time() + 0.5) as late:
            await asyncio.sleep(1)
    except TimeoutError as e:
        print("timed out at", loop.time(), late.expired(), repr(e), type(e.__cause__).__name__)
    async with asyncio.timeout(None) as none:
        print("None:", none.when())
        await asyncio.sleep(0.25)
    try:
        none.reschedule(1)
    except RuntimeError as e:
        print("RuntimeError:", e)
    print("at", loop.time())

asyncio.run(main())
