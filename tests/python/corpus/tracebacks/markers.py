# CPython 3.11's markers: ~~~^~~ under an operator, ~^^^ under an index, ^^^ under a call.
# transcript: stderr
import traceback

def lookup(table, key):
    return table[key] * 2

def scale(items, factor):
    return [lookup(items, i) + factor for i in range(4)]

def show(items):
    print("scaled:", scale(items, 1))

try:
    show([1, 2, 3])
except IndexError:
    traceback.print_exc()
    print("caught the IndexError")
counts = {"a": 1}
print(counts["a"] + counts["b"])
