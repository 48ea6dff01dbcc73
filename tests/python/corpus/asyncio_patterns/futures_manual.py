# asyncio.Future: created by the loop, completed by a callback or another task.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(fut.done(), repr(fut))
    loop.call_later(1.5, fut.set_result, "delivered")
    print(await fut, loop.time(), fut.done(), repr(fut))

    failing = loop.create_future()
    async def break_it():
        await asyncio.sleep(0.5)
        failing.set_exception(ValueError("broken promise"))
    asyncio.create_task(break_it())
    try:
        await failing
    except ValueError as e:
        print("awaited:", e, loop.time())

    cancelled = loop.create_future()
    cancelled.add_done_callback(lambda f: print("callback: cancelled =", f.cancelled()))
    cancelled.cancel()
    await asyncio.sleep(0)
    try:
        cancelled.result()
    except asyncio.CancelledError:
        print("result() raises CancelledError")
    try:
        loop.create_future().result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)

asyncio.run(main())
