# transcript: stderr
# traceback.print_exc() of exception groups: nested groups in nested boxes, a group's own frames
# and each leaf's, a chained sub-exception, and "and N more exceptions" past 15.
import traceback

def check(n):
    if n % 2:
        raise ValueError(f"odd {n}")
    return n

def collect(items):
    errors = []
    for n in items:
        try:
            check(n)
        except ValueError as e:
            errors.append(e)
    return errors

try:
    inner = ExceptionGroup("inner", collect([1, 2, 3]))
    try:
        1 / 0
    except ZeroDivisionError as z:
        chained = KeyError("chained")
        chained.__context__ = z
    raise ExceptionGroup("outer", [inner, TypeError("plain"), chained])
except ExceptionGroup:
    traceback.print_exc()

try:
    raise ExceptionGroup("many", [ValueError(i) for i in range(17)])
except* ValueError as eg:
    print("caught", len(eg.exceptions))
    traceback.print_exc()
print("done")
