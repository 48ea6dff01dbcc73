# asyncio.timeout can be moved while it runs; nested timeouts; the outer one wins.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(1) as cm:
            cm.reschedule(loop.time() + 3)
            await asyncio.sleep(2)
            print("still inside at", loop.time(), "deadline", cm.when())
            await asyncio.sleep(5)
    except TimeoutError:
        print("expired at", loop.time(), cm.expired())
    try:
        async with asyncio.timeout(1):
            try:
                async with asyncio.timeout(10):
                    await asyncio.sleep(20)
            except TimeoutError:
                print("inner never sees it")
    except TimeoutError:
        print("outer expired at", loop.time())

asyncio.run(main())
