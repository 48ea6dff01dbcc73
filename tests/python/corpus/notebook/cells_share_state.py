# Cells share variables and the clock; each await is a new event loop.
import asyncio
import time

async def download(name, seconds):
    await asyncio.sleep(seconds)
    return f"{name} ({seconds}s)"

async def download_all(names):
    return await asyncio.gather(*(download(n, i + 1) for i, n in enumerate(names)))

# --- In [1]
names = ["a.csv", "b.csv"]
started = time.perf_counter()

# --- In [2]
files = await download_all(names)
files

# --- In [3]
more = await download("c.csv", 0.5)
print(files + [more], time.perf_counter() - started)

# --- In [4]
len(files), time.perf_counter()
