# asyncrace: the imports and send_message come from the post's first snippet
import asyncio 
import time

async def send_message(to: str):
    print(f"Sending message to {to}")
    await asyncio.sleep(2)
    print(f"Message sent to {to}")
    return f"Completed message to {to}"

# --- the second snippet
async def main():
    start = time.time()
    # Wrap as tasks to schedule the coroutines concurrently in the event loop
    send_john_task = asyncio.create_task(send_message("John Doe"))
    send_anna_task = asyncio.create_task(send_message("Anna Herb"))
    await send_john_task
    await send_anna_task
    end = time.time()
    print(f"Time taken {end - start}s")

if __name__ == "__main__":
    asyncio.run(main())
