# Annotated assignments and function annotations (not checked at run time).
count: int = 5
name: str = "x"
ratio: float
print(count, name)
def area(width: float, height: float = 1.0) -> float:
    return width * height
print(area(2, 3), area(4))
wrong: int = "not an int"
print(wrong)
try:
    print(ratio)
except NameError as e:
    print(e)
