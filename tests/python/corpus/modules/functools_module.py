# functools: reduce, partial, lru_cache, cache, wraps, total_ordering.
import functools
import operator

print(functools.reduce(operator.add, [1, 2, 3, 4]), functools.reduce(lambda a, b: a * b, range(1, 6), 1))
power_of_two = functools.partial(pow, 2)
print(power_of_two(10), functools.partial(int, base=2)("1010"))

@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(100), fib.cache_info())

@functools.cache
def square(n):
    print("computing", n)
    return n * n
print(square(3), square(3))

@functools.total_ordering
class Version:
    def __init__(self, major, minor):
        self.key = (major, minor)
    def __eq__(self, other):
        return self.key == other.key
    def __lt__(self, other):
        return self.key < other.key
print(Version(1, 2) <= Version(1, 3), Version(2, 0) > Version(1, 9), Version(1, 0) >= Version(1, 0))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
