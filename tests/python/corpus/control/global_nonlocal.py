# global and nonlocal.
counter = 0

def bump():
    global counter
    counter += 1

def make_counter():
    count = 0
    def step():
        nonlocal count
        count += 1
        return count
    return step

bump()
bump()
print(counter)
step = make_counter()
print(step(), step(), step())
other = make_counter()
print(other(), step())

def shadow():
    counter = 100
    return counter
print(shadow(), counter)
