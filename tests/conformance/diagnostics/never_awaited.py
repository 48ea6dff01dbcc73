import asyncio

async def do_some_work(num):
    print("Starting work", num)

async def main():
    do_some_work(1)
    print("main goes on")

asyncio.run(main())
