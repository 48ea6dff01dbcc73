# A timeout and a sleep with the same deadline: which fires first is the heap order.
import asyncio

async def work(seconds):
    await asyncio.sleep(seconds)
    return "work finished"

async def main():
    for timeout in (0.9, 1, 1.1):
        try:
            print(timeout, await asyncio.wait_for(work(1), timeout=timeout))
        except asyncio.TimeoutError:
            print(timeout, "timed out")
    print("at", round(asyncio.get_running_loop().time(), 6))

asyncio.run(main())
