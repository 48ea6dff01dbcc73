# TaskGroup: a failing child cancels its siblings; except* handles the group.
import asyncio

async def job(name, delay, error=None):
    try:
        await asyncio.sleep(delay)
        if error:
            raise error(f"{name} failed")
        print(name, "finished")
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(job("a", 1))
        b = tg.create_task(job("b", 2))
    print("all ok:", a.result(), b.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("slow", 5))
            tg.create_task(job("bad-value", 1, ValueError))
            tg.create_task(job("bad-type", 1, TypeError))
            tg.create_task(job("quick", 0.5))
    except* ValueError as eg:
        print("ValueErrors:", [str(e) for e in eg.exceptions])
    except* TypeError as eg:
        print("TypeErrors:", [str(e) for e in eg.exceptions])
    print("done at", asyncio.get_running_loop().time())

asyncio.run(main())
