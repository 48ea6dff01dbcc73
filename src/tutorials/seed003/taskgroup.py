# asyncrace: the imports and send_message come from the post's first snippet
import asyncio 
import time

async def send_message(to: str):
    print(f"Sending message to {to}")
    await asyncio.sleep(2)
    print(f"Message sent to {to}")
    return f"Completed message to {to}"

# --- the third snippet
async def main():
    start = time.time()
    async with asyncio.TaskGroup() as tg:
      send_john_task = tg.create_task(send_message("John Doe"))
      send_anna_task = tg.create_task(send_message("Anna Herb"))
    end = time.time()
    print(f"Time taken {end - start}s")

if __name__ == "__main__":  # asyncrace: the entry point of the other snippets
    asyncio.run(main())
