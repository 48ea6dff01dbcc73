# transcript: stderr
# Every way a failed task's exception counts as retrieved, so nothing is logged when the tasks
# die: await, result(), exception(), gather, gather(return_exceptions=True), wait_for, shield,
# as_completed and TaskGroup. asyncio.wait alone does not retrieve: that one is logged.
import asyncio

async def fail(delay, what):
    await asyncio.sleep(delay)
    raise ValueError(what)

async def main():
    try:
        await asyncio.create_task(fail(0.1, "awaited"))
    except ValueError as e:
        print("await:", e)
    done, _ = await asyncio.wait([asyncio.create_task(fail(0.1, "result"))])
    try:
        done.pop().result()
    except ValueError as e:
        print("result():", e)
    done, _ = await asyncio.wait([asyncio.create_task(fail(0.1, "exception"))])
    print("exception():", repr(done.pop().exception()))
    try:
        await asyncio.gather(fail(0.1, "gather"), fail(0.2, "gather, second"))
    except ValueError as e:
        print("gather:", e)
    print("return_exceptions:", await asyncio.gather(fail(0.1, "r"), return_exceptions=True))
    try:
        await asyncio.wait_for(fail(0.1, "wait_for"), 1)
    except ValueError as e:
        print("wait_for:", e)
    try:
        await asyncio.shield(fail(0.1, "shield"))
    except ValueError as e:
        print("shield:", e)
    for f in asyncio.as_completed([fail(0.1, "as_completed")]):
        try:
            await f
        except ValueError as e:
            print("as_completed:", e)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(0.1, "taskgroup"))
    except* ValueError as eg:
        print("TaskGroup:", eg.exceptions)
    done, _ = await asyncio.wait([asyncio.create_task(fail(0.1, "wait only"))])
    print("wait:", len(done), "done")
    done.clear()
    print("main returns")

asyncio.run(main())
