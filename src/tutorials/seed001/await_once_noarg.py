# --- In [None]
# Let's define an async function

import asyncio

async def do_some_work():
    print("Starting work")
    await asyncio.sleep(1)
    print("Work complete")


# --- In [None]
# OK let's try that again!

await do_some_work()
