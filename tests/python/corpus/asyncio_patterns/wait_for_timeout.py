# Timeouts with wait_for and asyncio.timeout.
import asyncio

async def slow(seconds):
    try:
        await asyncio.sleep(seconds)
        return f"slept {seconds}"
    except asyncio.CancelledError:
        print(f"slow({seconds}) was cancelled")
        raise

async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.wait_for(slow(1), timeout=2))
    try:
        await asyncio.wait_for(slow(5), timeout=1.5)
    except asyncio.TimeoutError:
        print("wait_for timed out at", loop.time())
    try:
        async with asyncio.timeout(0.5):
            await slow(3)
    except TimeoutError:
        print("timeout() expired at", loop.time())
    async with asyncio.timeout(None) as cm:
        await asyncio.sleep(0.25)
    print("no deadline:", cm.when(), cm.expired())

asyncio.run(main())
