# send(), close() and finally inside generators.
def running_total():
    total = 0
    try:
        while True:
            value = yield total
            if value is None:
                break
            total += value
    finally:
        print("cleanup, total was", total)

acc = running_total()
print(next(acc))
print(acc.send(5))
print(acc.send(10))
acc.close()
print("closed")
def delegate():
    result = yield from sub()
    print("sub returned", result)
    yield "after"
def sub():
    yield 1
    yield 2
    return "sub-result"
print(list(delegate()))
