import asyncio

async def worker():
    try:
        print("worker sleeping")
        await asyncio.sleep(10)
        print("never printed")
    except asyncio.CancelledError:
        print("worker cancelled at", asyncio.get_running_loop().time())
        raise
    finally:
        print("worker cleanup")

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(1)
    print("cancel returns", t.cancel())
    print("right after cancel: cancelled", t.cancelled(), "done", t.done())
    try:
        await t
    except asyncio.CancelledError:
        print("main saw CancelledError at", asyncio.get_running_loop().time())
    print("after: cancelled", t.cancelled(), "done", t.done())
    print("cancel again returns", t.cancel())

asyncio.run(main())
