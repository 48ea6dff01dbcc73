# --- In [None]
# prompt: examples of future methods
import asyncio  # asyncrace: the notebook imported asyncio in an earlier cell

async def example_future():
    future = asyncio.Future()  # Create a Future object
    print(f"Initial state: {future.done()}")  # False (Pending)

    # Simulate computation
    await asyncio.sleep(2)

    future.set_result("Task Completed")  # Mark future as done
    print(f"Final state: {future.done()}")  # True (Done)
    print(f"Result: {future.result()}")  # "Task Completed"

asyncio.run(example_future()) # Error, will see it indepth in next topic

#await example_future() # Directly await the coroutine instead of calling asyncio.run

# --- In [None]
asyncio.set_event_loop(asyncio.new_event_loop())  # asyncrace: the notebook's loop (asyncio.run() left none)
loop = asyncio.get_event_loop()
task = loop.create_task(example_future())
task

# --- asyncrace: the notebook's loop runs between the cells
loop.run_until_complete(asyncio.sleep(0))

# --- In [None]
task
