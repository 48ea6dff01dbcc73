# Comments, backslash continuations, brackets spanning lines, semicolons.
total = 1 + \
        2 + \
        3  # a comment after a continued line
print(total)
items = [
    "first",   # comments inside brackets
    "second",
]
message = ("implicit "
           "concatenation "
           f"with {len(items)} items")
print(message)
if total > 5 and \
   len(items) == 2:
    print("both conditions")
x = 1; y = 2; print(x + y)
def long_call(a, b,
              c=3,
              *rest):
    return a + b + c + sum(rest)
print(long_call(1,
                2, 4, 5))
    # an indented comment does not start a block
print("done")  # trailing comment
