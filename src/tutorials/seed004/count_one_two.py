import time
import asyncio

async def count():
    
    print('One')
    await asyncio.sleep(1)
    print('Two')
    
async def main():
    
    await asyncio.gather(count(), count(), count())


s = time.perf_counter()
#asyncio.run(main()) - script version
await main() # Jupyter version
elapsed = time.perf_counter() - s
print(f" executed in {elapsed:0.2f} seconds.")
