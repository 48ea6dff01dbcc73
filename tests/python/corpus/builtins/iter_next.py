# iter() and next() by hand: what a for loop does.
items = ["a", "b"]
it = iter(items)
print(next(it), next(it), next(it, "end"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
numbers = iter(range(10))
print(next(numbers), list(numbers)[:3])
d = {"x": 1, "y": 2}
keys = iter(d)
print(next(keys), list(keys))
pairs = iter([(1, 2), (3, 4)])
for a, b in pairs:
    print(a + b)
it = iter("abc")
print(list(zip(it, it)))
