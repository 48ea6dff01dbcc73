# shield: cancelling the outer await does not cancel the shielded work.
import asyncio

async def save(data):
    await asyncio.sleep(2)
    print("saved", data, "at", asyncio.get_running_loop().time())
    return "ok"

async def main():
    inner = asyncio.create_task(save("report"))
    try:
        await asyncio.wait_for(asyncio.shield(inner), timeout=1)
    except asyncio.TimeoutError:
        print("gave up waiting at", asyncio.get_running_loop().time(), "cancelled?", inner.cancelled())
    print("inner result:", await inner)

asyncio.run(main())
