import asyncio

async def work(n):
    await asyncio.sleep(n)
    print("work", n, "done at", asyncio.get_event_loop().time())
    return n * 2

loop = asyncio.new_event_loop()
print(loop.run_until_complete(work(1)))
t = loop.create_task(work(5))
print(loop.run_until_complete(work(2)), t.done())
print(loop.run_until_complete(t), t.done())
loop.close()
