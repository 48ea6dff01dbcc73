# transcript: stderr
# An uncaught TaskGroup failure: the ExceptionGroup's traceback as CPython prints it, each child's
# exception in its own numbered box under the group's own frames.
import asyncio

async def fail(delay, what):
    await asyncio.sleep(delay)
    if what == "key":
        {}["missing"]
    raise ValueError(what)

async def fine():
    await asyncio.sleep(1)
    print("never printed: cancelled by the group")

async def main():
    print("starting the group")
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail(0.1, "first"))
        tg.create_task(fail(0.1, "key"))
        tg.create_task(fine())
    print("not reached")

asyncio.run(main())
