# Checking and converting user-like input strings.
inputs = ["42", " 7 ", "-3", "3.5", "1e3", "abc", "", "0x1A"]
for s in inputs:
    kinds = [name for name, test in [("digit", s.isdigit()), ("numeric", s.isnumeric()),
                                     ("alpha", s.isalpha()), ("space", s.isspace())] if test]
    try:
        value = int(s)
    except ValueError:
        try:
            value = float(s)
        except ValueError:
            value = None
    print(repr(s), kinds, value)
print("Yes".lower() in ("y", "yes"), "  padded ".strip().title())
print(str(12).rjust(5, "0"), "{:>5}".format("x"), "abc".upper().lower())
