# to_thread runs in a copy of the caller's context; run_in_executor in the worker thread's own.
import asyncio
import contextvars

request = contextvars.ContextVar("request", default="none")

def handler(tag):
    seen = request.get()
    request.set(f"changed by {tag}")
    return f"{tag} saw {seen}"

async def serve(name):
    request.set(name)
    loop = asyncio.get_running_loop()
    print(await asyncio.to_thread(handler, "to_thread"), "| after:", request.get())
    print(await loop.run_in_executor(None, handler, "run_in_executor"), "| after:", request.get())

async def main():
    await asyncio.gather(serve("alpha"), serve("beta"))
    print("main still sees", request.get())

asyncio.run(main())
