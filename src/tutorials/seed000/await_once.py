# --- In [26]
# Let's define an async function

import asyncio
# asyncrace: dropped the cell's unused `from cgitb import text` (on 3.11 it adds a DeprecationWarning)

async def do_some_work(num):
    print("Starting work",num)
    await asyncio.sleep(1)
    print("Work complete",num)


# --- In [29]
# OK let's try that again!

await do_some_work(1)
