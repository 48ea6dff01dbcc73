# A ZeroDivisionError three calls deep: the traceback lists each frame, outermost first.
# transcript: stderr
def ratio(a, b):
    return a / b

def average(values):
    total = sum(values)
    return ratio(total, len(values) - len(values))

def report(data):
    scores = data["scores"]
    print("scores:", scores)
    return "average " + str(average(scores))

print(report({"scores": [3, 4, 5]}))
