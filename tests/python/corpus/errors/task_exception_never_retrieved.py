# transcript: stderr
# A failed task nobody awaits: asyncio logs "Task exception was never retrieved" on stderr when
# the task dies, right after its last step (nothing holds it but the loop).
import asyncio

async def fail():
    await asyncio.sleep(1)
    raise ValueError("nobody will see this in stdout")

async def main():
    asyncio.create_task(fail())
    await asyncio.sleep(2)
    print("main finished at", asyncio.get_running_loop().time())

asyncio.run(main())
print("after run")
