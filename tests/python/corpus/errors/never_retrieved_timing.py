# transcript: stderr
# Failed tasks nobody retrieves: asyncio logs "Task exception was never retrieved" when the last
# reference to the task goes away: right after its last step if nobody holds it, when a list that
# holds it is cleared, when main's frame that holds it ends, at exit for a global.
import asyncio

async def fail(delay, what):
    await asyncio.sleep(delay)
    print(f"{what} raises at", asyncio.get_running_loop().time())
    raise ValueError(what)

async def main():
    global forever
    asyncio.create_task(fail(0.5, "dropped"))
    kept = [asyncio.create_task(fail(1.0, "in a list"))]
    asyncio.create_task(fail(1.5, "dropped too"))
    held = asyncio.create_task(fail(2.5, "held by main"))
    forever = asyncio.create_task(fail(2.75, "global"))
    await asyncio.sleep(2)
    print("clearing the list at", asyncio.get_running_loop().time())
    kept.clear()
    print("cleared")
    await asyncio.sleep(1)
    print("main returns")

asyncio.run(main())
print("after run")
