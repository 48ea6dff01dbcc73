# The seed's global-variable race: both tasks write one plain global, so task_one, back from its
# sleep, reads task_two's value. The same code with a ContextVar keeps each task's own value.
import asyncio
import contextvars

my_var = "new_val"


async def task_one():
    global my_var
    my_var = "Value from task_one"
    print(f"Task One: {my_var}")
    await asyncio.sleep(9)
    print(f"Task One (after sleep): {my_var}")  # task_two's value: the global is shared


async def task_two():
    global my_var
    my_var = "Value from task_two"
    print(f"Task Two: {my_var}")


async def main():
    task1 = asyncio.create_task(task_one())
    task2 = asyncio.create_task(task_two())
    await asyncio.gather(task1, task2)


asyncio.run(main())
print("global after the run:", my_var)

ctx_var = contextvars.ContextVar("ctx_var", default="new_val")


async def ctx_task_one():
    ctx_var.set("Value from task_one")
    print(f"Task One: {ctx_var.get()}")
    await asyncio.sleep(9)
    print(f"Task One (after sleep): {ctx_var.get()}")  # still its own: each task has a copy


async def ctx_task_two():
    ctx_var.set("Value from task_two")
    print(f"Task Two: {ctx_var.get()}")


async def ctx_main():
    task1 = asyncio.create_task(ctx_task_one())
    task2 = asyncio.create_task(ctx_task_two())
    await asyncio.gather(task1, task2)


asyncio.run(ctx_main())
print("ContextVar after the run:", ctx_var.get())
