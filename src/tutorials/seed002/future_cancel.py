import asyncio

async def example_cancellation():
    future = asyncio.Future()

    future.cancel()  # Cancelling the future
    print(f"Cancelled: {future.cancelled()}")  # True

asyncio.run(example_cancellation())
#await example_cancellation() # Directly await the coroutine instead of calling asyncio.run
