# A body that is not indented.
print("never printed")
def f():
return 1
