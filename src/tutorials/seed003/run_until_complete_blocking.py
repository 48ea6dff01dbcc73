import asyncio  # asyncrace: the imports of the post's first snippet
import time

async def do_something():
    print("Starting Work")
    time.sleep(5)
    print("Finishing Work")

loop = asyncio.get_event_loop()
try:
    loop.run_until_complete(do_something())
finally:
    loop.close()
