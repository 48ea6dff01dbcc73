# The seed's contextvars example: each Task runs in a copy of the context current when it was
# created, so what task_one sets survives its sleep although task_two set the same variable
# meanwhile; a task that sets nothing sees nothing, and neither does main after the gather.
import asyncio
import contextvars

my_var = contextvars.ContextVar("my_var")


async def task_one():
    my_var.set("Value from task_one")
    print(f"Task One: {my_var.get()}")
    await asyncio.sleep(1)
    print(f"Task One (after sleep): {my_var.get()}")  # Still task_one's value


async def task_two():
    my_var.set("Value from task_two")
    print(f"Task Two: {my_var.get()}")


async def task_three():
    print(f"Task Three: {my_var.get('(not set in this task)')}")


async def main():
    task1 = asyncio.create_task(task_one())
    task2 = asyncio.create_task(task_two())
    task3 = asyncio.create_task(task_three())
    await asyncio.gather(task1, task2, task3)
    try:
        my_var.get()
    except LookupError as e:
        print("main: LookupError:", e)


asyncio.run(main())
