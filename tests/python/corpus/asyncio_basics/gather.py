# gather runs coroutines concurrently and returns results in argument order.
import asyncio

async def square(n):
    await asyncio.sleep(3 - n)
    print("squared", n)
    return n * n

async def main():
    loop = asyncio.get_running_loop()
    results = await asyncio.gather(square(0), square(1), square(2))
    print(results, loop.time())
    results = await asyncio.gather(*(square(n) for n in [2, 2, 1]))
    print(results, loop.time())
    print(await asyncio.gather())

asyncio.run(main())
