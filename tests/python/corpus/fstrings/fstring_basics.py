# f-strings with expressions, conversions and the = specifier.
name, count = "tasks", 3
print(f"{count} {name}")
print(f"{count * 2 + 1}")
print(f"{name!r} {name!s} {name.upper()}")
print(f"{'nested'} {[1, 2][1]} {{literal braces}}")
items = {"a": 1}
print(f"{items['a']} {len(items)}")
print(f"{count=} {name=}")
print(f"{count + 1 = }")
value = 3.14159
print(f"{value=:.2f}")
print(F"capital F {count}")
print(rf"raw \n {count}")
