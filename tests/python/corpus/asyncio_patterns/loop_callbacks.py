# call_soon, call_later and call_at: the order callbacks run in.
import asyncio

def log(label):
    print(f"{asyncio.get_running_loop().time():.1f} {label}")

async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(1, log, "call_later 1")
    loop.call_at(loop.time() + 0.5, log, "call_at +0.5")
    loop.call_soon(log, "call_soon first")
    loop.call_soon(log, "call_soon second")
    handle = loop.call_later(0.7, log, "cancelled, never runs")
    handle.cancel()
    log("main before its first await")
    await asyncio.sleep(0)
    log("main after sleep(0)")
    await asyncio.sleep(2)
    print(handle.cancelled())

asyncio.run(main())
