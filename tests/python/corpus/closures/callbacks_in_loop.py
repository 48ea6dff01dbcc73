# Closures created in a loop share the loop variable; default arguments capture it.
handlers = []
for name in ["save", "load", "quit"]:
    handlers.append(lambda: f"clicked {name}")
print([h() for h in handlers])

handlers = []
for name in ["save", "load", "quit"]:
    handlers.append(lambda name=name: f"clicked {name}")
print([h() for h in handlers])

def make_handler(name):
    def handler():
        return f"clicked {name}"
    return handler
handlers = [make_handler(n) for n in ["save", "load"]]
print([h() for h in handlers], handlers[0].__name__)
