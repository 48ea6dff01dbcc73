# Calling a method on None: a common mistake after a function that forgot to return.
def find(items, target):
    for item in items:
        if item == target:
            return item

print(find(["a", "b"], "b").upper())
print(find(["a", "b"], "z").upper())
