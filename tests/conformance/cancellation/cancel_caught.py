import asyncio

async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn caught the cancellation at", asyncio.get_running_loop().time())
        await asyncio.sleep(0.5)
        print("stubborn finished its cleanup at", asyncio.get_running_loop().time())
    return "kept going"

async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(2)
    t.cancel()
    result = await t
    print("result", result, "cancelled", t.cancelled())

asyncio.run(main())
