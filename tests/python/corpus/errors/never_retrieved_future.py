# transcript: stderr
# A plain Future holding an exception nobody reads logs "Future exception was never retrieved"
# when it dies; one whose exception() was read, or that was awaited, logs nothing.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    lost = loop.create_future()
    lost.set_exception(KeyError("lost"))
    print(lost)
    read = asyncio.Future()
    read.set_exception(RuntimeError("read"))
    print(repr(read.exception()))
    awaited = asyncio.Future()
    awaited.set_exception(ValueError("awaited"))
    try:
        await awaited
    except ValueError as e:
        print("caught", repr(e))
    del lost
    print("lost is gone")
    del read, awaited
    print("the others are gone")
    later = asyncio.Future()
    loop.call_later(1, later.set_exception, OSError("late"))
    await asyncio.sleep(2)
    print("main returns")

asyncio.run(main())
print("after run")
