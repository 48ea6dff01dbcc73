import asyncio

async def my_function():
  await asyncio.sleep(4)
  print("Hello! from my_function()")

async def main():
  await my_function()

asyncio.run(main())
