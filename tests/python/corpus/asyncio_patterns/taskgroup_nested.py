# Nested TaskGroups: the inner group's ExceptionGroup nests inside the outer one.
import asyncio

async def step(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise KeyError(name)
    print("step", name, "done")

async def inner_group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(step("inner-ok", 0.5))
        tg.create_task(step("inner-bad", 1, fail=True))

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(inner_group())
            tg.create_task(step("outer-slow", 3))
    except* KeyError as eg:
        print("caught:", repr(eg))
        print("leaves:", [repr(e) for e in eg.exceptions[0].exceptions])
    print("at", asyncio.get_running_loop().time())

asyncio.run(main())
