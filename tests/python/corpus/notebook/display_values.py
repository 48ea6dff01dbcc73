# What a cell displays: reprs of values, nothing for None.
import asyncio

class Order:
    def __init__(self, item):
        self.item = item
    def __repr__(self):
        return f"Order({self.item!r})"

async def place(item):
    await asyncio.sleep(0.2)
    return Order(item)

# --- In [1]
{"a": [1, 2], "b": (3,)}

# --- In [2]
await place("tea")

# --- In [3]
None

# --- In [4]
x = 5
x * 2.5

# --- In [5]
"multi\nline"
print("multi\nline")
