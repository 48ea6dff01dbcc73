# An unclosed bracket is reported at the end of the file.
print("never printed")
values = [1, 2,
