# Notebook cells: top-level await runs as asyncio.run, one clock for all cells.
import asyncio

async def fetch(n):
    await asyncio.sleep(n)
    return n * 100

async def fetch_both():
    return await asyncio.gather(fetch(0.5), fetch(0.25))

# --- In [1]
value = await fetch(1)
print("value", value)

# --- In [2]
results = await fetch_both()
print(results, asyncio.get_event_loop_policy() is not None)

# --- In [3]
await fetch(2)
