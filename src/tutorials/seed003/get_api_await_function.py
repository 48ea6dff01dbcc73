import asyncio  # asyncrace: the import of the post's first snippet

async def get_api(endpoint):
  return requests.get(endpoint)

async def main():

  await get_api

if __name__ == "__main__":
  asyncio.run(main())
