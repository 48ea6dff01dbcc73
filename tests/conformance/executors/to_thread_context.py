# contextvars in executor jobs, on the model page's VIRTUAL executor (support/virtual_executor.py:
# the model asyncrace implements). asyncio.to_thread runs the function in a copy of the caller's
# context, so it sees main's value, and what it sets stays in the copy. loop.run_in_executor does
# not: the job runs in its worker thread's own context, empty at first, which keeps what a job
# sets for the next job on that worker.
import asyncio
import contextvars
import os
import sys

sys.path.insert(0, os.path.join(os.getcwd(), "support"))  # generate.py runs a scenario in its folder
from virtual_executor import ThreadPoolExecutor, to_thread

request = contextvars.ContextVar("request", default="none")


def report(label):
    return f"{label}: request = {request.get()}"


def remember(value):
    request.set(value)
    return f"set request = {value}"


async def main():
    request.set("main's request")
    loop = asyncio.get_running_loop()
    print(await to_thread(report, "to_thread"))
    pool = ThreadPoolExecutor(max_workers=1)
    print(await loop.run_in_executor(pool, report, "run_in_executor"))
    print(await loop.run_in_executor(pool, remember, "job 1's"))
    print(await loop.run_in_executor(pool, report, "the same worker, next job"))
    print(await to_thread(remember, "to_thread's"))
    print("main still sees", request.get())


asyncio.run(main())
