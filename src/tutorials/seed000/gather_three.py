import asyncio

async def do_some_work(num):
    print("Starting work",num)
    await asyncio.sleep(1)
    print("Work complete",num)

# And now let's do it in parallel
# It's important to recognize that this is not "multi-threading" in the way that you may be used to
# The asyncio library is running on a single thread, but it's using a loop to switch between tasks while one is waiting

async def do_a_lot_of_work_in_parallel(num):
    await asyncio.gather(do_some_work(num), do_some_work(num+1), do_some_work(num+2))

await do_a_lot_of_work_in_parallel(10)
