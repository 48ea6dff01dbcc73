# A cell's last expression is displayed (its repr), unless it is None.
import asyncio

async def work(n):
    await asyncio.sleep(n)
    return {"n": n}

# --- In [1]
numbers = [3, 1, 2]
sorted(numbers)

# --- In [2]
print("print returns None, so nothing more is shown")

# --- In [3]
"a string shows its quotes"
len(numbers)

# --- In [4]
await work(1)

# --- In [5]
work
