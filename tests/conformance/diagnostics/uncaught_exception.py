import asyncio

async def fails():
    await asyncio.sleep(0.5)
    raise TypeError("object int can't be used in 'await' expression")

async def main():
    print("before")
    await fails()

asyncio.run(main())
