# gather with return_exceptions=True collects errors as values.
import asyncio

async def check(n):
    await asyncio.sleep(n / 10)
    if n % 3 == 0:
        raise ValueError(f"{n} is divisible by 3")
    return n

async def main():
    results = await asyncio.gather(*(check(n) for n in range(1, 8)), return_exceptions=True)
    for r in results:
        print(type(r).__name__, r)
    try:
        await asyncio.gather(check(1), check(3), check(5))
    except ValueError as e:
        print("without return_exceptions:", e)
    await asyncio.sleep(1)
    print("end", asyncio.get_running_loop().time())

asyncio.run(main())
