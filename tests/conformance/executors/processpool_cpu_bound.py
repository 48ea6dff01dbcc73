# The seed's using_processpool(n_tasks=30), on the model page's VIRTUAL executor
# (support/virtual_executor.py: the model asyncrace implements). ProcessPoolExecutor() has
# cpu_count = 8 workers; each cpu_bound call costs the seed's measured 0.145 s of its worker's
# time, so 30 calls take 4 rounds: 0.58 s. The results are the seed's printed list.
import asyncio
import os
import sys
import time

sys.path.insert(0, os.path.join(os.getcwd(), "support"))  # generate.py runs a scenario in its folder
from virtual_executor import ProcessPoolExecutor, spend


def cpu_bound(n):
    # The seed's function: s = sum((i * i) % (n + 1) for i in range(2000000)). (i*i) % (n+1)
    # depends on i only through i % (n+1), so the same sum is computed period by period here (the
    # plain loop takes seconds of real time per call); the results are the seed's printed list.
    m, count = n + 1, 2000000
    period = [(i * i) % m for i in range(min(m, count))]
    s = (count // m) * sum(period) + sum(period[:count % m])
    spend(0.145)  # the seed's "single cpu_bound elapsed 0.145..."
    return s


async def using_processpool(n_tasks=30):
    t0 = time.time()
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor() as pool:
        tasks = [loop.run_in_executor(pool, cpu_bound, i) for i in range(n_tasks)]
        res = await asyncio.gather(*tasks)
        print("processpool elapsed", time.time() - t0, "results:", res)


# A process pool's workers import this file as __mp_main__ (spawn): unguarded, each would run the
# race again and the pool would break, as in CPython.
if __name__ == "__main__":
    asyncio.run(using_processpool(n_tasks=30))
