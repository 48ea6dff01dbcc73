# with: __enter__/__exit__, suppressing an error, several managers in one with.
class Resource:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress

    def __enter__(self):
        print("open", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("close", self.name, "after", exc_type.__name__ if exc_type else "no error")
        return self.suppress

with Resource("file") as r:
    print("using", r.name)
with Resource("lenient", suppress=True):
    raise ValueError("ignored")
print("continued after the suppressed error")
try:
    with Resource("strict"):
        1 / 0
except ZeroDivisionError as e:
    print("propagated:", e)
with Resource("a") as a, Resource("b") as b:
    print("inside both", a.name, b.name)
def early_return():
    with Resource("in function"):
        return "returned"
print(early_return())
