# Awaiting a task that was cancelled re-raises CancelledError in main.
import asyncio

async def background():
    await asyncio.sleep(5)

async def main():
    task = asyncio.create_task(background())
    await asyncio.sleep(1)
    task.cancel()
    print("cancelled the task at", asyncio.get_running_loop().time())
    await task

asyncio.run(main())
