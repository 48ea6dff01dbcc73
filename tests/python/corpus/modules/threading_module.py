# threading on the virtual clock: one main thread, executor jobs included; Lock and RLock.
import asyncio
import threading
import time

def where(label):
    return f"{label} on {threading.current_thread().name}"

lock = threading.Lock()
print(threading.current_thread().name, threading.main_thread().name, threading.active_count())
print(threading.get_ident() == threading.current_thread().ident)
with lock:
    print("inside:", lock.locked(), lock.acquire(False))
print("after:", lock.locked(), lock.acquire(), lock.acquire(blocking=False), time.time())
lock.release()
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
rlock = threading.RLock()
with rlock:
    with rlock:
        print("reentered")
try:
    rlock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
print(type(lock).__name__, type(rlock).__name__)

async def main():
    print(where("task"))
    print(await asyncio.to_thread(where, "to_thread"))

asyncio.run(main())
