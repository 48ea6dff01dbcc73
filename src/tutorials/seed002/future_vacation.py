import asyncio

async def my_coroutine():
    await asyncio.sleep(1)
    print("\tTask done...")
    return "My Coroutine completed"

async def main():
    # Create a Task (which returns a Future)
    print("Starting Coroutine...")
    future = asyncio.create_task(my_coroutine())

    print("Going to Maldives on a 2 day vacation")
    await asyncio.sleep(10)
    print("Come back from vacation")


    # Await the Future
    result = await future
    print("future = ",result)

asyncio.run(main())
#await asyncio.create_task(main())
