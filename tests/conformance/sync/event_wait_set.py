import asyncio

def now():
    return asyncio.get_running_loop().time()

async def waiter(name, ev):
    print(name, "waits at", now())
    try:
        result = await ev.wait()
        print(name, "woke at", now(), "wait() returned", result, "is_set", ev.is_set())
    except asyncio.CancelledError:
        print(name, "cancelled at", now(), ev)
        raise

async def say(text):
    print(text)

async def set_later(ev, delay):
    await asyncio.sleep(delay)
    ev.set()

async def main():
    ev = asyncio.Event()
    print(ev, "is_set", ev.is_set())
    tasks = [asyncio.create_task(waiter(name, ev)) for name in ("a", "b", "c")]
    await asyncio.sleep(1)
    print("three waiters:", ev)
    tasks[1].cancel()
    await asyncio.sleep(0)
    # set() wakes every waiter still waiting, in order; clear() right after does not stop them.
    ev.set()
    ev.clear()
    print("set and cleared at", now(), ev)
    for t in tasks:
        try:
            await t
        except asyncio.CancelledError:
            print("b's task cancelled:", t.cancelled())
    # wait() on a set event returns True at once, without yielding to other tasks.
    ev.set()
    ev.set()
    other = asyncio.create_task(say("the other task runs"))
    print("wait() on a set event returned", await ev.wait(), "before the other task ran")
    await other
    # Cleared, it blocks again.
    ev.clear()
    try:
        await asyncio.wait_for(ev.wait(), timeout=0.25)
    except TimeoutError:
        print("wait timed out at", now(), ev)
    setter = asyncio.create_task(set_later(ev, 0.5))
    print("wait() returned", await ev.wait(), "at", now())
    await setter

asyncio.run(main())
