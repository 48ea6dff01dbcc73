# ties: fifo
# The same race under the "fifo" tie policy: equal deadlines fire in scheduling order.
import asyncio

async def racer(n):
    await asyncio.sleep(1)
    print("racer", n)

async def main():
    await asyncio.gather(*(racer(n) for n in range(9)))

asyncio.run(main())
