# Assigning to a name anywhere in a function makes it local everywhere in it.
total = 10

def add(n):
    total += n
    return total

print("before")
print(add(5))
