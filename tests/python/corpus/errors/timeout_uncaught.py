# A wait_for timeout that nobody catches.
import asyncio

async def slow_query():
    await asyncio.sleep(10)
    return "rows"

async def main():
    print("querying")
    rows = await asyncio.wait_for(slow_query(), timeout=2.5)
    print(rows)

asyncio.run(main())
