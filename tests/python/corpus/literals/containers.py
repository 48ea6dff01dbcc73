# List, tuple, dict and set displays, including empty and nested ones.
empty = [], (), {}, set()
print(empty)
print([1, [2, [3, []]]])
print((1,), (1, 2), ())
point = {"x": 1, "y": 2}
print(point, len(point))
print({1, 2, 3} == {3, 2, 1})
print(sorted({"b", "a", "c"}))
print(type((1)), type((1,)))
print([1, 2, 3,], {"trailing": True,})
nested = {"list": [1, 2], "tuple": (3, 4), "dict": {"k": None}}
print(nested)
print([*range(3), *"ab"], {**point, "z": 3})
print({*[1, 2], *(2, 3)})
