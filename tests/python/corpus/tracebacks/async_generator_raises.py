# An exception raised inside an async generator, consumed by async for two awaits deep,
# escapes asyncio.run: the traceback shows the program's frames (asyncio's own are left out).
# transcript: stderr
import asyncio

async def readings(sensor):
    for i in range(3):
        await asyncio.sleep(0.5)
        if i == 2:
            raise RuntimeError(f"sensor {sensor} disconnected")
        yield i * 10

async def collect(sensor):
    values = []
    async for v in readings(sensor):
        print(f"t={asyncio.get_running_loop().time()} {sensor}: {v}")
        values.append(v)
    return values

async def main():
    result = await collect("north")
    print("never printed", result)

asyncio.run(main())
