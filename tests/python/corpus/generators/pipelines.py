# Generator pipelines, generator expressions and yield from.
def numbers(limit):
    for i in range(limit):
        yield i

def evens(source):
    for n in source:
        if n % 2 == 0:
            yield n

def squared(source):
    yield from (n * n for n in source)

print(list(squared(evens(numbers(10)))))
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain("ab", [1, 2], range(2))))
lazy = (x * 10 for x in range(3))
print(next(lazy), list(lazy), list(lazy))
def fibonacci():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
for i, f in zip(range(10), fibonacci()):
    print(i, f, end="; ")
print()
