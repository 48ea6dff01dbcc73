import asyncio
import contextvars

my_var = "new_val"

async def task_one():
    global my_var
    my_var = "Value from task_one"
    print(f"Task One: {my_var}")
    await asyncio.sleep(9)
    print(f"Task One (after sleep): {my_var}")  # Still task_one's value

async def task_two():
    global my_var
    my_var = "Value from task_two"
    print(f"Task Two: {my_var}")

async def main():
    task1 = asyncio.create_task(task_one())
    task2 = asyncio.create_task(task_two())
    await asyncio.gather(task1, task2)

asyncio.run(main())
