import asyncio

def now():
    return asyncio.get_running_loop().time()

async def worker(name, q):
    try:
        while True:
            job = await q.get()
            await asyncio.sleep(job)
            print(name, "finished a job of", job, "s at", now())
            q.task_done()
    except asyncio.CancelledError:
        print(name, "cancelled at", now(), "while waiting on", q)
        raise

async def watcher(q):
    await q.join()
    print("watcher: all jobs done at", now())

async def say(text):
    print(text)

async def main():
    q = asyncio.Queue()
    other = asyncio.create_task(say("the other task runs"))
    await q.join()
    print("join() on a queue with nothing unfinished returned without yielding")
    await other
    for job in (3, 1, 2, 1):
        q.put_nowait(job)
    print("queued:", q)
    workers = [asyncio.create_task(worker(f"w{i}", q)) for i in range(2)]
    watch = asyncio.create_task(watcher(q))
    await q.join()
    print("main: join() returned at", now(), q)
    await watch
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    q.put_nowait(1)
    await q.join()
    print("second round joined at", now())
    print("main returns; asyncio.run cancels the idle workers")

asyncio.run(main())
