# asyncio.Barrier: workers wait for each other between phases.
import asyncio

async def worker(n, barrier):
    await asyncio.sleep(n * 0.5)
    print(f"worker {n} reached the barrier at {asyncio.get_running_loop().time()}")
    position = await barrier.wait()
    print(f"worker {n} passes (position {position})")

async def main():
    barrier = asyncio.Barrier(3)
    await asyncio.gather(*(worker(n, barrier) for n in range(3)))
    print("parties:", barrier.parties, "waiting:", barrier.n_waiting, "broken:", barrier.broken)

asyncio.run(main())
