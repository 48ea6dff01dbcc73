# An error raised in an except block chains to the one being handled.
def risky(n):
    try:
        return 10 / n
    except ZeroDivisionError:
        return int("not a number")

for n in (5, 0):
    try:
        print(risky(n))
    except ValueError as e:
        print("ValueError:", e)
        print("while handling:", type(e.__context__).__name__, e.__context__)

try:
    try:
        raise KeyError("first")
    finally:
        print("finally runs while KeyError propagates")
except KeyError as e:
    print("caught", repr(e))
