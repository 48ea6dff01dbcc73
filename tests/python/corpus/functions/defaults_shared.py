# Default values are evaluated once, when the def runs.
def append_to(item, bucket=[]):
    bucket.append(item)
    return bucket

print(append_to(1))
print(append_to(2))
print(append_to(3, []))

def append_fixed(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket

print(append_fixed(1), append_fixed(2))
start = 10
def show(value=start):
    return value
start = 20
print(show(), show(5))
