# Calling with keywords, unpacking arguments, and the errors for bad calls.
def connect(host, port=80, *, timeout=10, secure=False):
    return f"{host}:{port} timeout={timeout} secure={secure}"

print(connect("example.com"))
print(connect("example.com", 443, secure=True))
print(connect(port=8080, host="localhost", timeout=1))
args = ("db.local", 5432)
kwargs = {"timeout": 3}
print(connect(*args, **kwargs))
for bad in [lambda: connect(), lambda: connect("h", 1, 2),
            lambda: connect("h", host="h2"), lambda: connect("h", colour="red")]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
