# A concurrent.futures.Future made by hand, completed by a loop callback, awaited via wrap_future.
import asyncio
import concurrent.futures as cf

async def main():
    loop = asyncio.get_running_loop()
    f = cf.Future()
    f.add_done_callback(lambda fut: print("done-callback sees", fut.result()))
    print(f, f.running(), f.set_running_or_notify_cancel(), f.running())
    wrapped = asyncio.wrap_future(f)
    print(asyncio.wrap_future(wrapped) is wrapped, wrapped.done())
    loop.call_later(1, f.set_result, 42)
    print(await wrapped, loop.time(), f)
    try:
        f.set_result(0)
    except cf.InvalidStateError as e:
        print(type(e).__name__, str(e).split(":")[0])
    g = cf.Future()
    print(g.cancel(), g.cancelled(), g.done(), g.set_running_or_notify_cancel(), g)
    try:
        g.result()
    except cf.CancelledError:
        print("CancelledError", cf.CancelledError.__mro__[1].__name__)
    h = cf.Future()
    h.set_exception(ValueError("boom"))
    try:
        await asyncio.wrap_future(h)
    except ValueError as e:
        print("awaited:", e, h, loop.time())

asyncio.run(main())
