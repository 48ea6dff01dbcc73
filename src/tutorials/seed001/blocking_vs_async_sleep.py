# --- In [None]
# Exemplo 1: asyncio.sleep (não-bloqueante) vs time.sleep (bloqueante)
import asyncio
import time

async def async_work(i):
    print(f"{time.time():.3f} start async {i}")
    await asyncio.sleep(1)
    print(f"{time.time():.3f} done async {i}")

def blocking_work(i):
    print(f"{time.time():.3f} start block {i}")
    time.sleep(1)
    print(f"{time.time():.3f} done block {i}")

async def run_async_gather():
    t0 = time.time()
    await asyncio.gather(async_work(1), async_work(2), async_work(3))
    # ~1s: all async_work run in parallel
    print('elapsed gather (asyncio.sleep):', time.time() - t0)

async def worker_blocking(i):
    print(f"{time.time():.3f} start worker_blocking {i}")
    blocking_work(i)  # bloqueia o loop
    print(f"{time.time():.3f} end worker_blocking {i}")

async def run_blocking_gather():
    t0 = time.time()
    await asyncio.gather(worker_blocking(1), worker_blocking(2), worker_blocking(3))
    # ~3s: every blocking_work blocks the loop
    print('elapsed gather (blocking):', time.time() - t0)

# Execute (no notebook, use await):
# await run_async_gather()  # esperado ~1s
# await run_blocking_gather()  # esperado ~3s (cada blocking_work bloqueia o loop)

# --- In [None]
await run_async_gather()

# --- In [None]
await run_blocking_gather()
