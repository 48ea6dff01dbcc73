# wait_for cancels the inner task on timeout and waits for its cleanup to finish.
import asyncio

async def transfer():
    try:
        await asyncio.sleep(5)
    finally:
        print("rolling back at", asyncio.get_running_loop().time())
        await asyncio.sleep(0.5)
        print("rolled back at", asyncio.get_running_loop().time())

async def main():
    try:
        await asyncio.wait_for(transfer(), timeout=1)
    except asyncio.TimeoutError:
        print("TimeoutError reaches main at", asyncio.get_running_loop().time())

asyncio.run(main())
