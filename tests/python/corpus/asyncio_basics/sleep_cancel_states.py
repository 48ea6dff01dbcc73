import asyncio

# A sleeping task cancelled in each state of its sleep: while the timer is pending, and after
# the timer fired but before the task's wakeup ran (Task.cancel then only marks the task).

async def sleeper(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "woke at", asyncio.get_running_loop().time())
    except asyncio.CancelledError:
        print(name, "cancelled at", asyncio.get_running_loop().time())
        raise

async def canceller(box, delay):
    await asyncio.sleep(delay)
    t = box[0]
    # Same deadline, its timer scheduled after ours: it has fired, its wakeup is queued.
    print("before cancel:", t)
    print("cancel returns", t.cancel())
    print("after cancel:", t)

async def main():
    box = []
    asyncio.create_task(canceller(box, 1))
    box.append(asyncio.create_task(sleeper("late", 1)))
    await asyncio.sleep(0)
    print("sleeping:", box[0])
    try:
        await box[0]
    except asyncio.CancelledError:
        print("main saw CancelledError, cancelled", box[0].cancelled())

    box.clear()
    asyncio.create_task(canceller(box, 1))
    box.append(asyncio.create_task(sleeper("early", 5)))
    try:
        await box[0]
    except asyncio.CancelledError:
        print("main saw CancelledError, cancelled", box[0].cancelled())

    # Cancelled twice while the timer is pending: the second request only counts.
    t = asyncio.create_task(sleeper("twice", 3))
    await asyncio.sleep(0)
    print("cancel", t.cancel(), "cancel", t.cancel(), "cancelling", t.cancelling())
    try:
        await t
    except asyncio.CancelledError:
        print("twice: cancelled", t.cancelled())

    # wait_for and timeout around a sleep
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.5)
    except asyncio.TimeoutError:
        print("wait_for timed out at", asyncio.get_running_loop().time())
    try:
        async with asyncio.timeout(0.25):
            await asyncio.sleep(10)
    except TimeoutError:
        print("timeout at", asyncio.get_running_loop().time())
    print("done at", asyncio.get_running_loop().time())

asyncio.run(main())
