# A task created in one cell does not survive the cell: asyncio.run cancels it.
import asyncio
import time

async def heartbeat():
    try:
        while True:
            await asyncio.sleep(1)
            print("beat at", asyncio.get_running_loop().time())
    finally:
        print("heartbeat stopped at", asyncio.get_running_loop().time())

async def start_and_wait(seconds):
    asyncio.create_task(heartbeat())
    await asyncio.sleep(seconds)
    return "cell finished"

# --- In [1]
await start_and_wait(2.5)

# --- In [2]
await asyncio.sleep(1)
print("second cell at", time.monotonic())
