# contextvars: tokens, their errors, Context as a mapping, and a context entered twice.
import asyncio
import contextvars

color = contextvars.ContextVar("color", default="red")
size = contextvars.ContextVar("size")
t1 = color.set("blue")
print(t1.var is color, t1.old_value is contextvars.Token.MISSING, color.get())
t2 = color.set("green")
print(t2.old_value, color.get())
color.reset(t2)
color.reset(t1)
print(color.get())
for bad in [lambda: color.reset(t1), lambda: size.reset(color.set("x")), lambda: size.get(),
            lambda: contextvars.ContextVar(3), lambda: contextvars.copy_context()[size]]:
    try:
        bad()
    except (RuntimeError, ValueError, LookupError, TypeError) as e:
        print(type(e).__name__, str(e).replace("used ", "used-"))
size.set(3)
ctx = contextvars.copy_context()
print(len(ctx), size in ctx, ctx.get(size), sorted(v.name for v in ctx), ctx.get(contextvars.ContextVar("new"), "dflt"))
print(sorted((k.name, v) for k, v in ctx.items()))

def reenter():
    return ctx.run(lambda: None)

try:
    ctx.run(reenter)
except RuntimeError as e:
    print("RuntimeError", "already entered" in str(e))

async def child(n):
    size.set(n)
    await asyncio.sleep(0)
    return size.get()

async def main():
    results = await asyncio.gather(child(10), child(20))
    task = asyncio.create_task(child(30))
    print(results, await task, size.get())

asyncio.run(main())
print(size.get(), contextvars.Context().get(size, "empty"))
