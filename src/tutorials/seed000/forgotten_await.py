# --- In [26]
# Let's define an async function

import asyncio
# asyncrace: dropped the cell's unused `from cgitb import text` (on 3.11 it adds a DeprecationWarning)

async def do_some_work(num):
    print("Starting work",num)
    await asyncio.sleep(1)
    print("Work complete",num)


# --- In [31]
# What's wrong with this?

async def do_a_lot_of_work(num):
    do_some_work(num)
    do_some_work(num+1)
    do_some_work(num+2)

await do_a_lot_of_work(1)
