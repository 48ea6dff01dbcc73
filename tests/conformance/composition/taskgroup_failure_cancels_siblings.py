import asyncio

# One patient sibling only: TaskGroup._abort() cancels its children in the iteration order of a
# set of Tasks, which hashes by memory address; that order is not a property of asyncio.

async def crash(d, message):
    await asyncio.sleep(d)
    raise ValueError(message)

async def patient():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("patient cancelled at", asyncio.get_running_loop().time())
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(patient())
            tg.create_task(crash(0.5, "first"))
            tg.create_task(crash(0.5, "second"))
            await asyncio.sleep(5)
            print("never printed")
    except* ValueError as group:
        print("caught", len(group.exceptions), "errors:", [str(e) for e in group.exceptions])
    print("after the group at", asyncio.get_running_loop().time())

asyncio.run(main())
