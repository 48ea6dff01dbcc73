# Queue.join waits until every item has been marked task_done().
import asyncio

async def worker(queue):
    while True:
        job = await queue.get()
        await asyncio.sleep(job)
        print(f"finished job {job} at {asyncio.get_running_loop().time()}")
        queue.task_done()

async def main():
    queue = asyncio.Queue()
    for job in [3, 1, 2, 1]:
        queue.put_nowait(job)
    workers = [asyncio.create_task(worker(queue)) for _ in range(2)]
    await queue.join()
    print("all jobs done, unfinished:", queue.qsize())
    for w in workers:
        w.cancel()
    try:
        queue.task_done()
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
