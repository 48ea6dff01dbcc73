# Name lookup: local, enclosing, global, builtin.
x = "global"
len_calls = 0

def outer():
    x = "enclosing"
    def inner():
        print("inner sees", x)
    inner()
    def local():
        x = "local"
        print("local sees", x)
    local()
    print("outer still", x)

outer()
print("module sees", x)

def shadows_builtin():
    max = lambda *a: "my max"
    return max(1, 2)
print(shadows_builtin(), max(1, 2))

def reads_global():
    return x.upper()
print(reads_global())
