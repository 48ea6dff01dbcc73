# A displayed coroutine that is never awaited warns only at exit, from sys:1.
import asyncio

async def greet(name):
    await asyncio.sleep(1)
    return f"hello {name}"

# --- In [1]
greet("never awaited")

# --- In [2]
message = await greet("awaited")
message
