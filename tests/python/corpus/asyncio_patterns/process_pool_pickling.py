# A process pool's call travels pickled: functions and classes by reference, everything else by
# value. A lambda or a local function cannot travel; results and exceptions come back as copies.
import asyncio
import concurrent.futures


class Boom(Exception):
    pass


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


def grow(items, p):
    items.append(len(items))
    p.x += 1
    return items, p


def fail(n):
    raise Boom("bad", n)


def give_lambda():
    return lambda: 1


async def main():
    loop = asyncio.get_running_loop()
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        items, p = [1, 2], Point(1, 2)
        got, q = await loop.run_in_executor(pool, grow, items, p)
        print(items, p, got, q, got is items, q is p, type(q) is Point)
        shared = [0]
        a, b = await loop.run_in_executor(pool, max, [shared, shared], [[-1], [-1]])
        print(a is b, a == b)
        for fn in (lambda: 1, fail):
            try:
                print(await loop.run_in_executor(pool, fn, 7))
            except Boom as e:
                print("Boom", e.args, type(e) is Boom)
            except Exception as e:
                print(type(e).__name__, e)

        def local():
            return 2

        try:
            await asyncio.wrap_future(pool.submit(local))
        except Exception as e:
            print(type(e).__name__, e)
        try:
            await loop.run_in_executor(pool, give_lambda)
        except Exception as e:
            print(type(e).__name__, e)
        print(await loop.run_in_executor(pool, sorted, {3, 1, 2}), await loop.run_in_executor(pool, divmod, 7, 2))


if __name__ == "__main__":
    asyncio.run(main())
