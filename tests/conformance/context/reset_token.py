# ContextVar.set returns a Token; ContextVar.reset(token) restores the value from before that set
# (or no value at all: Token.MISSING). A token works once, only with its own variable, and only in
# the context it was made in: another task runs in a copy, a different Context.
import asyncio
import contextvars

level = contextvars.ContextVar("level", default=0)
depth = contextvars.ContextVar("depth")


async def worker(token):
    try:
        level.reset(token)
    except ValueError as e:
        print("worker: ValueError:", e)


async def main():
    t1 = level.set(1)
    print("level", level.get(), "| t1.old_value:", t1.old_value)
    t2 = level.set(2)
    print("level", level.get(), "| t2.old_value:", t2.old_value)
    level.reset(t2)
    print("after reset(t2): level", level.get())
    try:
        level.reset(t2)
    except RuntimeError as e:
        print("RuntimeError:", e)
    t3 = depth.set(3)
    try:
        level.reset(t3)
    except ValueError as e:
        print("ValueError:", e)
    t4 = level.set(4)
    await asyncio.create_task(worker(t4))
    level.reset(t4)
    print("after reset(t4): level", level.get())
    level.reset(t1)
    print("after reset(t1): level", level.get(), "| level in the context:", level in contextvars.copy_context())
    depth.reset(t3)
    try:
        depth.get()
    except LookupError as e:
        print("LookupError:", e)


asyncio.run(main())
