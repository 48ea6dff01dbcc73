# asyncio.run returns what main returns; several runs in one script.
import asyncio

async def compute(x):
    await asyncio.sleep(0.5)
    return x ** 2

async def main(values):
    results = []
    for v in values:
        results.append(await compute(v))
    return results

first = asyncio.run(main([1, 2, 3]))
second = asyncio.run(main([10]))
print(first, second)
print(asyncio.run(compute(7)))
