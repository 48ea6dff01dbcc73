# Retrying a flaky operation with exponential backoff.
import asyncio

attempts = {"count": 0}

async def flaky_fetch():
    attempts["count"] += 1
    await asyncio.sleep(0.1)
    if attempts["count"] < 4:
        raise ConnectionError(f"attempt {attempts['count']} failed")
    return "payload"

async def with_retries(operation, retries=5, base_delay=0.5):
    for attempt in range(retries):
        try:
            return await operation()
        except ConnectionError as e:
            delay = base_delay * 2 ** attempt
            print(f"{e}; retrying in {delay}s")
            await asyncio.sleep(delay)
    raise RuntimeError("giving up")

async def main():
    print(await with_retries(flaky_fetch), "at", round(asyncio.get_running_loop().time(), 6))

asyncio.run(main())
