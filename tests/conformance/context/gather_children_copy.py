# A Task copies the context when it is created, not when it first runs: `late` is created before
# main's second set() and never sees it, while gather's children, created after it, start with it.
# What a child sets stays in its own copy; main's value is untouched, also after asyncio.run for
# module-level code, which runs in yet another context.
import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="-")


async def child(name):
    print(f"{name} starts with request_id = {request_id.get()}")
    request_id.set(name)
    await asyncio.sleep(0.1)
    print(f"{name} ends with request_id = {request_id.get()}")
    return request_id.get()


async def main():
    request_id.set("main")
    late = asyncio.create_task(child("late"))
    request_id.set("main, later")
    results = await asyncio.gather(child("a"), child("b"))
    await late
    print("results", results)
    print(f"main still has request_id = {request_id.get()}")


request_id.set("module")
asyncio.run(main())
print(f"after asyncio.run: request_id = {request_id.get()}")
