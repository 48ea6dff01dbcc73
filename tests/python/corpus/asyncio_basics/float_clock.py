# The virtual clock adds float seconds exactly as CPython's loop does.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    for _ in range(10):
        await asyncio.sleep(0.1)
    print(loop.time(), loop.time() == 1.0)
    await asyncio.sleep(1 / 3)
    print(loop.time())
    await asyncio.sleep(0)
    await asyncio.sleep(-5)
    print("negative and zero sleeps do not move the clock:", loop.time())

asyncio.run(main())
