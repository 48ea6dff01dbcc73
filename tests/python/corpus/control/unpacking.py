# Assignment with unpacking, starred targets, swaps and chained assignment.
a, b = 1, 2
a, b = b, a
print(a, b)
first, *middle, last = [1, 2, 3, 4, 5]
print(first, middle, last)
*init, tail = "abc"
print(init, tail)
(x, y), z = (1, 2), 3
print(x, y, z)
p = q = r = 0
print(p, q, r)
for index, (key, value) in enumerate({"a": 1, "b": 2}.items()):
    print(index, key, value)
head, *rest = range(1)
print(head, rest)
numbers = [0, 0, 0]
numbers[0], numbers[2] = 7, 9
print(numbers)
try:
    left, right = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
