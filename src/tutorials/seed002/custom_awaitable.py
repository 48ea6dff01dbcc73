import asyncio  # asyncrace: the notebook imported asyncio in an earlier cell

class CustomAwaitable:
    def __await__(self):
        yield from asyncio.sleep(2).__await__()  # Delegate to asyncio
        return "Custom Awaitable Done"

async def main():
    result = await CustomAwaitable()
    print(result)

asyncio.run(main())
