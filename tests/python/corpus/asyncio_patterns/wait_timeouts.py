# asyncio.wait with a timeout and FIRST_EXCEPTION, as_completed with a timeout, shield of a
# finished task, and wait's errors.
import asyncio

async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(name)
    return name

async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(job(n, d)) for n, d in (("a", 1), ("b", 2), ("c", 3))]
    done, pending = await asyncio.wait(tasks, timeout=1.5)
    print(sorted(t.result() for t in done), len(pending), loop.time())
    done, pending = await asyncio.wait(pending)
    print(sorted(t.result() for t in done), len(pending), loop.time())
    tasks = [asyncio.create_task(job("ok", 1)), asyncio.create_task(job("bad", 2, True)),
             asyncio.create_task(job("slow", 5))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(len(done), len(pending), loop.time())
    for t in pending:
        t.cancel()
    try:
        for next_done in asyncio.as_completed([job("x", 1), job("y", 4)], timeout=2):
            print("got", await next_done, loop.time())
    except TimeoutError:
        print("as_completed timed out at", loop.time())
    t = asyncio.create_task(job("done", 0))
    await t
    print(asyncio.shield(t) is t)
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)
    try:
        await asyncio.wait(tasks, return_when="SOMETIMES")
    except ValueError as e:
        print("ValueError:", e)
    await asyncio.sleep(4)

asyncio.run(main())
