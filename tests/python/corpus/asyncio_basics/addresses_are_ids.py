# A repr's address is the object's id(), the same every time it is shown, and two live objects
# never share one (the goldens mask addresses, so the program checks them itself).
import asyncio

async def work():
    await asyncio.sleep(0.1)

class Plain:
    pass

async def main():
    a, b = work(), work()
    print(hex(id(a)) in repr(a), repr(a) == repr(a), repr(a) != repr(b))
    lock, queue = asyncio.Lock(), asyncio.Queue()
    print(hex(id(lock)) in repr(lock), hex(id(queue)) in repr(queue))
    p = Plain()
    print(hex(id(p)) in repr(p), id(p) == id(p), id(p) != id(lock))
    print(repr(a).startswith("<coroutine object work at 0x"))
    await asyncio.gather(a, b)

asyncio.run(main())
