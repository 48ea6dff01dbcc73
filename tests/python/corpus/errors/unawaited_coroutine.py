# Calling a coroutine function without await: nothing runs, and CPython warns.
import asyncio

async def save(item):
    await asyncio.sleep(1)
    print("saved", item)

async def main():
    save("draft")
    await save("final")
    print("main done")

asyncio.run(main())
