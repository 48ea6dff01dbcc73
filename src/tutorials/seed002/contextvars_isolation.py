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

async def main():
    task1 = asyncio.create_task(task_one())
    task2 = asyncio.create_task(task_two())
    await asyncio.gather(task1, task2)

asyncio.run(main())
