# A coroutine object kept in a module variable and never awaited warns at exit.
import asyncio

async def job():
    await asyncio.sleep(1)

pending = job()
print("created", type(pending).__name__)
asyncio.run(asyncio.sleep(0.5))
print("finished without awaiting it")
