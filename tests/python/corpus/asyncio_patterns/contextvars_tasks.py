# contextvars: each task runs in a copy of the context it was created in.
import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="none")

async def handle(n):
    request_id.set(f"req-{n}")
    await asyncio.sleep(1 / (n + 1))
    print("task", n, "sees", request_id.get())

async def main():
    print("main starts with", request_id.get())
    request_id.set("main")
    await asyncio.gather(*(handle(n) for n in range(3)))
    print("main still sees", request_id.get())
    ctx = contextvars.copy_context()
    print(ctx.run(request_id.get), ctx[request_id], request_id in ctx)
    token = request_id.set("temporary")
    request_id.reset(token)
    print("after reset:", request_id.get())

asyncio.run(main())
