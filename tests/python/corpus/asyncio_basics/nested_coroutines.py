# Coroutines awaiting coroutines: a call chain runs in one task.
import asyncio

async def read_config():
    await asyncio.sleep(0.1)
    return {"retries": 3}

async def connect(config):
    await asyncio.sleep(0.2)
    return f"connected with {config['retries']} retries"

async def start():
    config = await read_config()
    status = await connect(config)
    return status, asyncio.current_task().get_name()

async def main():
    print(await start())
    print(await asyncio.gather(start(), start()))
    print(round(asyncio.get_running_loop().time(), 6))

asyncio.run(main())
