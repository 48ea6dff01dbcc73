# asyncio.wait with FIRST_COMPLETED, FIRST_EXCEPTION and ALL_COMPLETED.
import asyncio

async def job(n, fail=False):
    await asyncio.sleep(n)
    if fail:
        raise RuntimeError(f"job {n} failed")
    return n

async def main():
    tasks = [asyncio.create_task(job(n)) for n in (3, 1, 2)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("done:", [t.result() for t in done], "pending:", len(pending))
    done, pending = await asyncio.wait(pending)
    print("then:", sorted(t.result() for t in done), len(pending))
    tasks = [asyncio.create_task(job(1, fail=True)), asyncio.create_task(job(4))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print([str(t.exception()) for t in done], len(pending))
    done, pending = await asyncio.wait(pending, timeout=1)
    print(len(done), len(pending), asyncio.get_running_loop().time())
    for t in pending:
        t.cancel()

asyncio.run(main())
