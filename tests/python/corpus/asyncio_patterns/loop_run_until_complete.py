# The loop object from module code: get_event_loop, run_until_complete twice on one loop, a
# Handle cancelled before it runs, is_running/is_closed/close.
import asyncio

async def work(name, delay):
    loop = asyncio.get_running_loop()
    print(name, "running:", loop.is_running(), "same loop:", loop is asyncio.get_event_loop())
    await asyncio.sleep(delay)
    return f"{name} done at {loop.time()}"

async def with_callbacks():
    loop = asyncio.get_running_loop()
    fired = []
    h1 = loop.call_later(1, fired.append, "one")
    h2 = loop.call_later(2, fired.append, "two")
    h2.cancel()
    fut = loop.create_future()
    loop.call_soon(fut.set_result, "soon")
    print(await fut, h1.cancelled(), h2.cancelled())
    await asyncio.sleep(3)
    return fired

loop = asyncio.get_event_loop()
print("running before:", loop.is_running())
print(loop.run_until_complete(work("first", 1)))
print(loop.run_until_complete(work("second", 0.5)))
print(loop.run_until_complete(with_callbacks()))
loop.close()
print("closed:", loop.is_closed())
