# Awaiting an Event nobody sets: real asyncio would wait forever; the virtual clock reports it.
import asyncio

async def main():
    done = asyncio.Event()
    print("waiting for an event nobody sets")
    await asyncio.sleep(1)
    await done.wait()
    print("never printed")

asyncio.run(main())
