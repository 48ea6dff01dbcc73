# A two-stage pipeline of queues: download -> parse -> collect.
import asyncio

async def downloader(urls, out):
    for url in urls:
        await asyncio.sleep(0.2)
        await out.put(f"<{url}>")
    await out.put(None)

async def parser(inbox, out):
    while (page := await inbox.get()) is not None:
        await asyncio.sleep(0.3)
        await out.put(page.strip("<>").upper())
    await out.put(None)

async def collector(inbox):
    results = []
    while (item := await inbox.get()) is not None:
        print(f"{asyncio.get_running_loop().time():.1f} collected {item}")
        results.append(item)
    return results

async def main():
    pages, parsed = asyncio.Queue(), asyncio.Queue()
    _, _, results = await asyncio.gather(
        downloader(["a", "b", "c", "d"], pages), parser(pages, parsed), collector(parsed))
    print(results)

asyncio.run(main())
