import asyncio

async def do_some_work(num):
    print("Starting work",num)
    await asyncio.sleep(1)
    print("Work complete",num)

async def do_a_lot_of_work_in_parallel(num):
    await asyncio.gather(do_some_work(num), do_some_work(num+1), do_some_work(num+2))

async def do_a_lot_alot_of_work_in_parallel(num):
    await asyncio.gather(do_a_lot_of_work_in_parallel(num), do_a_lot_of_work_in_parallel(num+10), do_a_lot_of_work_in_parallel(num+20))

await do_a_lot_alot_of_work_in_parallel(10)
