# transcript: stderr
# An exception raised in an awaited coroutine while the awaiting one handles another gets that
# one as its __context__, before and after a suspension: "During handling of the above
# exception, another exception occurred" across the await.
import asyncio

async def cleanup(what, pause):
    if pause:
        await asyncio.sleep(0.5)
    raise RuntimeError(f"cleanup of {what} failed")

async def handle(what, pause):
    try:
        raise KeyError(what)
    except KeyError:
        await cleanup(what, pause)

async def main():
    try:
        await handle("a", False)
    except RuntimeError as e:
        print("caught", repr(e), "context", repr(e.__context__))
    await handle("b", True)

asyncio.run(main())
