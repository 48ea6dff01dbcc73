"""How not to use async"""
import asyncio 
import time

async def send_message(to: str):
    print(f"Sending message to {to}")
    await asyncio.sleep(2)
    print(f"Message sent to {to}")
    return f"Completed message to {to}"

async def main():
    # This is now behaving synchronously!
    # Total of 4 seconds
    start = time.time()
    sent_john = await send_message("John Doe")
    sent_anna = await send_message("Anna Herb")
    end = time.time()
    print(f"Time taken {end - start}s")

if __name__ == "__main__":
    asyncio.run(main()) # Approx 4 seconds
