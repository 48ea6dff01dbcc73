# A stress run for the race diagram: 1,000,000 tasks, each asleep until its own deadline.
# The deadlines are spread over ten seconds in a scrambled order (7919 is prime, so i * 7919 % N
# visits every number below N once): tasks wake in a different order than they were created.
import asyncio

N = 1_000_000
woke = 0


async def sleeper(i):
    global woke
    await asyncio.sleep(i * 7919 % N / N * 10)
    woke += 1


async def main():
    print(N, "sleepers, deadlines spread over ten seconds")
    await asyncio.gather(*(sleeper(i) for i in range(N)))
    print("all", woke, "woke")


asyncio.run(main())
