# A class with __aenter__/__aexit__, used with async with.
import asyncio

class Connection:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        await asyncio.sleep(0.5)
        print(self.name, "open at", asyncio.get_running_loop().time())
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.25)
        print(self.name, "closed, error:", exc_type.__name__ if exc_type else None)
        return exc_type is KeyError

async def main():
    async with Connection("db") as conn:
        print("using", conn.name)
    async with Connection("cache"):
        raise KeyError("swallowed by __aexit__")
    try:
        async with Connection("api"):
            raise ValueError("not swallowed")
    except ValueError as e:
        print("main caught", e)

asyncio.run(main())
