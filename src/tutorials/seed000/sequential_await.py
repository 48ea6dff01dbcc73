import asyncio

async def do_some_work(num):
    print("Starting work",num)
    await asyncio.sleep(1)
    print("Work complete",num)

# Interesting warning! Let's fix it

async def do_a_lot_of_work(num):
    await do_some_work(num)
    await do_some_work(num+1)
    await do_some_work(num+2)

await do_a_lot_of_work(1)
