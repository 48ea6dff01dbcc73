# async def with defaults, *args, **kwargs and keyword-only parameters; async methods.
import asyncio

async def order(item, quantity=1, *extras, rush=False, **notes):
    await asyncio.sleep(0.5 if rush else 1)
    return f"{quantity}x {item} extras={list(extras)} rush={rush} notes={notes}"

class Kitchen:
    def __init__(self, name):
        self.name = name

    async def cook(self, dish, *, minutes=1):
        await asyncio.sleep(minutes)
        return f"{self.name} cooked {dish}"

async def main():
    print(await order("tea"))
    print(await order("cake", 2, "cream", "berries", rush=True, table=4))
    kitchen = Kitchen("Main")
    print(await kitchen.cook("soup", minutes=2), asyncio.get_running_loop().time())
    print(await asyncio.gather(kitchen.cook("rice"), order(item="juice", rush=True)))

asyncio.run(main())
