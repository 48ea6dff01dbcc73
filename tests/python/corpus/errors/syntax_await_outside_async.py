# await is only allowed inside an async def.
import asyncio

def main():
    await asyncio.sleep(1)

main()
