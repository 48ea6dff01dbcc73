# inspect.isawaitable, iscoroutinefunction and asyncio.iscoroutine.
import asyncio
import inspect

async def coro_fn():
    return 1

def plain():
    return 2

def gen():
    yield 3

coro = coro_fn()
print(inspect.isawaitable(coro), asyncio.iscoroutine(coro), inspect.iscoroutine(coro))
print(inspect.iscoroutinefunction(coro_fn), inspect.iscoroutinefunction(plain))
print(asyncio.iscoroutinefunction(coro_fn), inspect.isgeneratorfunction(gen))
print(inspect.isawaitable(plain()), inspect.isawaitable(gen()), inspect.isgenerator(gen()))
print(asyncio.run(coro))
print(type(coro).__name__, coro.__name__)
