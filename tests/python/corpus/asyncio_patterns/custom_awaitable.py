# Custom awaitables: a class with __await__, awaited directly and via a task.
import asyncio

class Delay:
    def __init__(self, seconds, value):
        self.seconds, self.value = seconds, value

    def __await__(self):
        yield from asyncio.sleep(self.seconds).__await__()
        return self.value

class Nap:
    def __await__(self):
        return asyncio.sleep(0.5, result="nap over").__await__()

async def main():
    print(await Delay(1, "one second later"), asyncio.get_running_loop().time())
    print(await Nap(), asyncio.get_running_loop().time())

    async def wrap(d):
        return await d
    results = await asyncio.gather(wrap(Delay(2, "a")), wrap(Delay(1, "b")))
    print(results, asyncio.get_running_loop().time())
    import inspect
    print(inspect.isawaitable(Delay(0, 0)), inspect.isawaitable(42))

asyncio.run(main())
