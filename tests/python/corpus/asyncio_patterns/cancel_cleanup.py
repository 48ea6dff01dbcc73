# Cancellation raises CancelledError at the await; finally blocks clean up.
import asyncio

async def worker(name):
    print(name, "opening connection")
    try:
        while True:
            await asyncio.sleep(1)
            print(name, "heartbeat at", asyncio.get_running_loop().time())
    except asyncio.CancelledError:
        print(name, "got CancelledError")
        raise
    finally:
        print(name, "closing connection")

async def main():
    task = asyncio.create_task(worker("w1"))
    await asyncio.sleep(2.5)
    print("cancel returns", task.cancel())
    try:
        await task
    except asyncio.CancelledError:
        print("main sees the task cancelled:", task.cancelled())
    print("cancel again returns", task.cancel())

asyncio.run(main())
