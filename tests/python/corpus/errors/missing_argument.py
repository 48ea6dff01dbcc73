# Calling with the wrong number of arguments.
def area(width, height):
    return width * height

print(area(2, 3))
try:
    area(1, 2, 3)
except TypeError as e:
    print("caught:", e)
try:
    area(width=1, depth=2)
except TypeError as e:
    print("caught:", e)
print(area(4))
