# Timers with equal deadlines: the order is CPython's heap order, not creation order.
import asyncio

async def racer(n):
    await asyncio.sleep(1)
    print("racer", n)

async def main():
    await asyncio.gather(*(racer(n) for n in range(9)))

asyncio.run(main())
