# ExceptionGroup and except*: each handler sees its matching sub-group.
def failing():
    raise ExceptionGroup("several", [
        ValueError("bad value"),
        TypeError("bad type"),
        ValueError("another value"),
    ])

try:
    failing()
except* ValueError as group:
    print("values:", [str(e) for e in group.exceptions])
except* TypeError as group:
    print("types:", [str(e) for e in group.exceptions])

try:
    try:
        failing()
    except* TypeError:
        print("handled the TypeError only")
except ExceptionGroup as rest:
    print("left over:", rest, [type(e).__name__ for e in rest.exceptions])
eg = ExceptionGroup("outer", [KeyError("k"), ExceptionGroup("inner", [OSError("io")])])
print(repr(eg.exceptions[0]), eg.exceptions[1].message)
match, rest = eg.split(KeyError)
print(match.exceptions, rest)
