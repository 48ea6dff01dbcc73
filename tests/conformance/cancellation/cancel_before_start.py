import asyncio

async def never_runs():
    print("never printed")

async def main():
    t = asyncio.create_task(never_runs())
    print("cancel returns", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("awaiting it raises CancelledError")
    print("cancelled", t.cancelled())

asyncio.run(main())
