# Seeded random delays decide which task finishes first.
import asyncio
import random

async def runner(name, rng):
    delay = round(rng.uniform(0.5, 2.0), 2)
    await asyncio.sleep(delay)
    print(f"{name} finished after {delay}")
    return name

async def main():
    rng = random.Random(2024)
    names = ["ann", "bob", "cy", "dee", "eve"]
    order = []
    for done in asyncio.as_completed([runner(n, rng) for n in names]):
        order.append(await done)
    print("podium:", order[:3])

asyncio.run(main())
