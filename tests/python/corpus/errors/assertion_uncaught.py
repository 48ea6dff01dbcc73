# A failing assert with a message.
def check_positive(values):
    for v in values:
        assert v > 0, f"expected a positive number, got {v}"
    return "all positive"

print(check_positive([1, 2, 3]))
print(check_positive([4, -1]))
