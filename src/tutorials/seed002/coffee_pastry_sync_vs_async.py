import asyncio
import time
import threading
from rich import print

# Synchronous approach
def make_coffee_sync():
    print(f"\tMaking coffee... : Thread Name: {threading.current_thread().name}")
    time.sleep(2)  # Simulate coffee preparation time
    print("\tCoffee is ready!")

def make_pastry_sync():
    print(f"\tMaking pastry... : Thread Name: {threading.current_thread().name}")
    time.sleep(3)  # Simulate pastry preparation time
    print("\tPastry is ready!")

def order_sync():
    start_time = time.time()
    make_coffee_sync()
    make_pastry_sync()
    end_time = time.time()
    print(f"Total time: {end_time - start_time} seconds")

# Asynchronous approach using Asyncio
async def make_coffee_async():
    print(f"\tMaking coffee... : Thread Name: {threading.current_thread().name}")
    await asyncio.sleep(2)  # Simulate coffee preparation time
    print("\tCoffee is ready!")

async def make_pastry_async():
    print(f"\tMaking pastry... : Thread Name: {threading.current_thread().name}")
    await asyncio.sleep(3)  # Simulate pastry preparation time
    print("\tPastry is ready!")

async def order_async():
    start_time = time.time()
    tasks = [
        asyncio.create_task(make_coffee_async()),
        asyncio.create_task(make_pastry_async())
    ]
    await asyncio.gather(*tasks)
    end_time = time.time()
    print(f"Total time: {end_time - start_time} seconds")

# Run the synchronous example
print("[red]Synchronous approach: [/red]")
start_time = time.time()

print("Main thread entring order_sync()")
order_sync()
print("Main thread exiting order_sync()")

print( f"[magenta]Total time: {time.time() - start_time} seconds[/magenta]")

# Run the asynchronous example
print("\n\n[red]Asynchronous approach: [/red]")

start_time = time.time()



print("Main thread entring order_async()")
asyncio.run(order_async())
print("Main thread exiting order_async()")

print(f"[magenta]Total time: {time.time() - start_time} seconds[/magenta]")
