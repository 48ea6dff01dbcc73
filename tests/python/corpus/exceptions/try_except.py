# try / except / else / finally, in every order of events.
def divide(a, b):
    try:
        result = a / b
    except ZeroDivisionError as e:
        print("error:", e)
        return None
    else:
        print("no error")
        return result
    finally:
        print("finally runs for", a, b)

print(divide(6, 3))
print(divide(1, 0))
for raw in ["10", "x", None]:
    try:
        print(int(raw) * 2)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
def early():
    try:
        return "from try"
    finally:
        print("finally before the return leaves")
print(early())
