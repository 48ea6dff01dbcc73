# An exception raised in a task escapes asyncio.run.
import asyncio

async def fetch(n):
    await asyncio.sleep(n)
    if n == 2:
        raise ConnectionError(f"server {n} hung up")
    return n

async def main():
    print(await fetch(1))
    print(await asyncio.gather(fetch(1), fetch(2)))
    print("never printed")

asyncio.run(main())
