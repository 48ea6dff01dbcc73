import asyncio  # asyncrace: the imports of the post's first snippet
import time

async def send_message(to: str):
    print(f"Sending message to {to}")
    await asyncio.sleep(2)
    print(f"Message sent to {to}")
    return f"Complete message to {to}"

async def main():
    start = time.time()
    coroutines = [
        send_message("John Does"),
        send_message("Anna Herb"),
        send_message("Chris Jakson"),
    ]

    # Returns an iterable coroutine that can be used with the await keyword
    # This means we can consume the result as it first completes inside a for loop and operate on the result

    for cor in asyncio.as_completed(coroutines):
        print(await cor)

asyncio.run(main())  # asyncrace: the entry point of the other snippets
