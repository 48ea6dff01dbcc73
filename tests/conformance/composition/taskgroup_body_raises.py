import asyncio

async def patient(n):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("patient", n, "cancelled at", asyncio.get_running_loop().time())
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(patient(1))
            await asyncio.sleep(1)
            raise KeyError("from the body")
    except* KeyError as group:
        print("caught", [repr(e) for e in group.exceptions], "at", asyncio.get_running_loop().time())

asyncio.run(main())
