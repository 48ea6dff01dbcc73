# A class with __aiter__/__anext__: async for over paged results.
import asyncio

class Pages:
    def __init__(self, total, per_page):
        self.total, self.per_page, self.offset = total, per_page, 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.offset >= self.total:
            raise StopAsyncIteration
        await asyncio.sleep(0.3)
        page = list(range(self.offset, min(self.offset + self.per_page, self.total)))
        self.offset += self.per_page
        return page

async def main():
    async for page in Pages(7, 3):
        print(f"{asyncio.get_running_loop().time():.1f}", page)
    flat = [n async for page in Pages(4, 2) for n in page]
    print(flat)
    it = aiter(Pages(1, 5))
    print(await anext(it), await anext(it, "no more"))

asyncio.run(main())
