# TypeError: adding a str and an int.
def label(n):
    return "item " + n

print(label("1"))
print(label(2))
