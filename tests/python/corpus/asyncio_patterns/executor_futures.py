# concurrent.futures' Future on virtual workers: states, reprs, callbacks, wait and as_completed.
import asyncio
import concurrent.futures as cf
import time

def work(n):
    time.sleep(n)
    if n == 2:
        raise ValueError(f"bad {n}")
    return n * 10

async def main():
    loop = asyncio.get_running_loop()
    with cf.ThreadPoolExecutor(max_workers=2) as pool:
        f = pool.submit(work, 1)
        f.add_done_callback(lambda fut: print("callback", fut.result(), loop.time()))
        print(f, f.running(), f.done(), f.cancel(), f.cancelled())
        print(await asyncio.wrap_future(f), loop.time(), f.done(), f.running())
        print(f)
        fs = [pool.submit(work, n) for n in (3, 2, 1)]
        await asyncio.sleep(2.5)
        print([g.done() for g in fs], fs[1])
        done, not_done = cf.wait(fs, timeout=0)
        print(len(done), len(not_done), fs[1] in done)
        print([g.exception() for g in cf.as_completed(fs[1:2])], time.time())
        await asyncio.sleep(1)
        print([g.result() for g in fs if not g.exception()], time.time())
        print(type(fs[0]).__name__, type(pool).__name__, cf.ALL_COMPLETED)
    print("shut down at", time.time())
    try:
        pool.submit(work, 1)
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        cf.ThreadPoolExecutor(max_workers=0)
    except ValueError as e:
        print("ValueError:", e)
    r = await loop.run_in_executor(None, work, 0.5)
    print(r, loop.time())
    try:
        await loop.run_in_executor(None, work, 2)
    except ValueError as e:
        print("ValueError:", e, loop.time())

asyncio.run(main())
