# A builtin imported into a notebook travels to a spawned worker by the module that defines it
# (pickle's whichmodule: math.factorial), so the worker finds it although it cannot import the
# notebook itself; a function the notebook defines cannot travel.
import asyncio
import concurrent.futures
from math import factorial, gcd


def twice(x):
    return 2 * x


async def main():
    loop = asyncio.get_running_loop()
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        print(await loop.run_in_executor(pool, factorial, 5))
        print(await loop.run_in_executor(pool, gcd, 12, 18))
        try:
            print(await loop.run_in_executor(pool, twice, 4))
        except Exception as e:
            print(type(e).__name__, e)

await main()
