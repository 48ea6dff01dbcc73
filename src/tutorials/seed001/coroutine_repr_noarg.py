# --- In [None]
# Let's define an async function

import asyncio

async def do_some_work():
    print("Starting work")
    await asyncio.sleep(1)
    print("Work complete")


# --- In [None]
# What will this do?

do_some_work()
