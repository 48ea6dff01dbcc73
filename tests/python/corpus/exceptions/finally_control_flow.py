# finally with break, continue and return; a return in finally wins.
def loop_with_finally():
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print("body", i)
        finally:
            print("finally", i)
    return "loop over"

print(loop_with_finally())

def overriding():
    try:
        return "from try"
    finally:
        return "from finally"
print(overriding())

def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "finally swallowed the error"
print(swallow())
