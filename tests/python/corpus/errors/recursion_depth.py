# How deep a recursion gets before RecursionError, as a program sees it: CPython counts every
# frame on the stack, the module's own and asyncio's (8 Python frames and 2 C calls under a
# Task's coroutine, 9 under a callback), against sys.getrecursionlimit().
import asyncio
import sys

depth = 0

def dive(n):
    global depth
    depth = n
    dive(n + 1)

def from_function():
    try:
        dive(1)
    except RecursionError as e:
        print("in a function:", depth, e)

def from_comprehension():
    return [dive(1) for _ in range(1)]

async def adive(n):
    global depth
    depth = n
    await adive(n + 1)

def callback():
    try:
        dive(1)
    except RecursionError:
        print("in a callback:", depth)

async def main():
    try:
        dive(1)
    except RecursionError:
        print("in a task:", depth)
    try:
        await adive(1)
    except RecursionError:
        print("awaiting coroutines:", depth)
    asyncio.get_running_loop().call_soon(callback)
    await asyncio.sleep(0)

print("limit", sys.getrecursionlimit())
try:
    dive(1)
except RecursionError:
    print("module level:", depth)
from_function()
try:
    from_comprehension()
except RecursionError:
    print("in a comprehension:", depth)
asyncio.run(main())
sys.setrecursionlimit(120)
print("limit", sys.getrecursionlimit())
try:
    dive(1)
except RecursionError:
    print("module level:", depth)
asyncio.run(main())
