# ties: fifo
# Notebook cells under the fifo tie policy: equal deadlines fire in scheduling order.
import asyncio

async def racer(n):
    await asyncio.sleep(0.5)
    print("racer", n)

async def race(count):
    await asyncio.gather(*(racer(n) for n in range(count)))

# --- In [1]
await race(5)

# --- In [2]
await race(3)
