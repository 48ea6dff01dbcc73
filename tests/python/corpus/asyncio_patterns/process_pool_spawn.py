# ProcessPoolExecutor workers are spawned: each imports this file as __mp_main__ (so the guarded
# asyncio.run does not run there) and keeps its own globals; the caller's never change.
import asyncio
import concurrent.futures
import time

calls = 0
if __name__ != "__main__":
    print("a worker imports the program as", __name__)


def count(tag):
    global calls
    calls += 1
    time.sleep(0.5)
    return f"{tag}: call {calls} in {__name__}"


async def main():
    loop = asyncio.get_running_loop()
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        results = await asyncio.gather(*(loop.run_in_executor(pool, count, t) for t in "abcde"))
    for line in results:
        print(line)
    print("calls in the caller:", calls, "at", loop.time())


if __name__ == "__main__":
    asyncio.run(main())
