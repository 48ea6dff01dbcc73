# A created task does not start until main awaits something.
import asyncio

async def child(name):
    print(name, "starts")
    await asyncio.sleep(0)
    print(name, "resumes")

async def main():
    first = asyncio.create_task(child("first"))
    second = asyncio.create_task(child("second"))
    print("main created both; nothing ran yet")
    await asyncio.sleep(0)
    print("main after one yield")
    await first
    await second
    print("main done")

asyncio.run(main())
