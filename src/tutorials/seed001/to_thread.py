# --- In [32]
# Exemplo 3: delegar bloqueante para threads/processos
import asyncio
from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor
import time, math

from cpu_tasks import cpu_bound


def blocking_io(x):
    time.sleep(1)
    return x * 2


# def cpu_bound(n):
#     # trabalho CPU-intenso simples
#     s = 0
#     for i in range(2000000):
#         s += (i * i) % (n + 1)
#     return s


async def using_to_thread():
    t0 = time.time()
    res = await asyncio.gather(
        asyncio.to_thread(blocking_io, 1),
        asyncio.to_thread(blocking_io, 2),
        asyncio.to_thread(blocking_io, 3),
    )
    #  ~1s: todas as chamadas blocking_io rodam em threads separadas; multi-thread real.
    print("to_thread elapsed", time.time() - t0, res)


async def using_threadpool():
    t0 = time.time()
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor() as pool:
        tasks = [loop.run_in_executor(pool, blocking_io, i) for i in range(3)]
        res = await asyncio.gather(*tasks)
        #  ~1s: todas as chamadas blocking_io rodam em threads separadas; multi-thread real.
        print("threadpool elapsed", time.time() - t0, res)


async def using_processpool(n_tasks=30):
    t0 = time.time()
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor() as pool:
        # Lambda simples: calcula x*x para cada x
        tasks = [loop.run_in_executor(pool, cpu_bound, i) for i in range(n_tasks)]
        res = await asyncio.gather(*tasks)
        print("processpool elapsed", time.time() - t0, "results:", res)


# Execute: await using_to_thread(); await using_threadpool(); await using_processpool()
# Observações: ProcessPoolExecutor cria processos (overhead) e evita GIL (bom para CPU-bound).

# --- In [33]
await using_to_thread()
