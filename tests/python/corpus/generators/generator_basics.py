# Generator functions: yield, next, StopIteration, return value.
def countdown(n):
    print("starting")
    while n > 0:
        yield n
        n -= 1
    return "done"

gen = countdown(3)
print(type(gen).__name__)
print(next(gen), next(gen), next(gen))
try:
    next(gen)
except StopIteration as stop:
    print("StopIteration value:", stop.value)
print(list(countdown(4)))
print(sum(countdown(10)))
print(next(countdown(0), "empty"))
