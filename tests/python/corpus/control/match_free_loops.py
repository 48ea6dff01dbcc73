# Loops over ranges, strings, dicts and zip; nested loops with labels via flags.
for i in range(3):
    print(i, end=" ")
print()
for i in range(10, 0, -3):
    print(i, end=",")
print()
for ch in "hey":
    print(ch.upper(), end="")
print()
ages = {"ann": 31, "bob": 25}
for name in ages:
    print(name, ages[name])
for name, age in ages.items():
    print(f"{name}={age}", end=";")
print()
found = None
for row in range(3):
    for col in range(3):
        if row * col == 2:
            found = (row, col)
            break
    if found:
        break
print("found", found)
