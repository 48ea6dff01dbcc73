# and/or return an operand and short-circuit; not returns a bool.
def loud(value):
    print("evaluated", value)
    return value
print(loud(0) and loud(1))
print(loud(2) and loud(3))
print(loud("") or loud("default"))
print(loud("first") or loud("second"))
print(not [], not [0])
name = None
print(name or "anonymous")
print([] and "never", 0 or None)
print(1 if 2 > 1 else 0, "yes" if "" else "no")
