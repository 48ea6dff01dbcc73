# del on names, items and slices; assert; pass.
items = [0, 1, 2, 3, 4, 5]
del items[0]
del items[1:3]
print(items)
table = {"a": 1, "b": 2}
del table["a"]
print(table)
x = 5
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
assert len(items) == 3, "three left"
try:
    assert items[0] > 10, f"first item is {items[0]}"
except AssertionError as e:
    print("AssertionError:", e)
class Empty:
    pass
def nothing():
    pass
print(nothing(), Empty.__name__)
