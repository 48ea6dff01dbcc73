# time.sleep of a negative delay, and the clock inside executor jobs (to_thread, run_in_executor).
import asyncio
import time
from cpu_tasks import cpu_bound

try:
    time.sleep(-1)
except ValueError as e:
    print(type(e).__name__, e)
time.sleep(0.25)
print(time.time(), time.monotonic_ns())

def stamp(label, *, pause=0.0):
    start = time.time()
    time.sleep(pause)
    return f"{label} {start} -> {time.time()}"

async def main():
    loop = asyncio.get_running_loop()
    results = await asyncio.gather(
        asyncio.to_thread(stamp, "a", pause=1),
        asyncio.to_thread(stamp, "b"),
        loop.run_in_executor(None, cpu_bound, 3),
    )
    print(results, time.time())
    print(cpu_bound(3), time.time())

asyncio.run(main())
