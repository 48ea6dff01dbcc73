# Let's see the actual timing differences!

import asyncio
import time

async def do_some_work_with_timing(num):
    start_time = time.time()
    print(f"Starting work {num} at {start_time:.6f}")
    await asyncio.sleep(1)
    end_time = time.time()
    elapsed = end_time - start_time
    print(f"Work complete {num} at {end_time:.6f} (elapsed: {elapsed:.6f}s)")

async def demonstrate_timing():
    start = time.time()
    print(f"All tasks starting at: {start:.6f}\n")
    await asyncio.gather(
        do_some_work_with_timing(10),
        do_some_work_with_timing(11),
        do_some_work_with_timing(12)
    )
    print(f"\nAll tasks finished at: {time.time():.6f}")

await demonstrate_timing()
