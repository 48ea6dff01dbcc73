# Comprehension variables do not leak; the first iterable is evaluated outside.
x = "outer"
values = [x for x in range(3)]
print(x, values)
n = 10
print([n * i for i in range(3)])
def make():
    base = 100
    return [base + i for i in range(3)]
print(make())
words = ["hello", "world"]
print([c for w in words for c in w if c in "lo"])
flat = [item for sub in [[1, 2], [3], []] for item in sub]
print(flat)
print(list(zip(*[[1, 2, 3], [4, 5, 6]])))
print({k: [v for v in range(k)] for k in range(4)})
