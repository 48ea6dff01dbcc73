# Awaiting what cannot be awaited: a TypeError at the await, caught, then one left uncaught.
import asyncio


async def fetch():
    return 1


async def main():
    for thing in (5, None, fetch, "text"):
        try:
            await thing
        except TypeError as e:
            print("TypeError:", e)
    print("and a coroutine still runs:", await fetch())
    await fetch


asyncio.run(main())
print("never printed")
