# lambda: sort keys, map/filter, immediately called, in dicts.
words = ["banana", "Apple", "cherry", "date"]
print(sorted(words))
print(sorted(words, key=lambda w: w.lower()))
print(sorted(words, key=lambda w: (len(w), w)))
print(list(map(lambda x: x * x, range(5))))
print(list(filter(lambda x: x % 2, range(10))))
print((lambda a, b=2: a ** b)(3))
ops = {"add": lambda a, b: a + b, "mul": lambda a, b: a * b}
for name, op in ops.items():
    print(name, op(6, 7))
pairs = [(1, "b"), (2, "a"), (0, "c")]
print(max(pairs, key=lambda p: p[1]))
square = lambda x: x * x
print(square.__name__, square(9))
