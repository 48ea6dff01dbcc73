# Async generators and async for, async comprehensions.
import asyncio

async def ticker(count, interval):
    for i in range(count):
        await asyncio.sleep(interval)
        yield i

async def main():
    async for tick in ticker(3, 0.5):
        print("tick", tick, asyncio.get_running_loop().time())
    squares = [t * t async for t in ticker(4, 0.25)]
    print(squares)
    evens = [t async for t in ticker(6, 0.1) if t % 2 == 0]
    print(evens, round(asyncio.get_running_loop().time(), 6))
    gen = ticker(2, 1)
    print(await gen.__anext__(), await anext(gen), await anext(gen, "exhausted"))

asyncio.run(main())
