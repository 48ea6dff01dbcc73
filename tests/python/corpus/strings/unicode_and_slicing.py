# Strings are sequences of code points; slicing never fails.
word = "naïve café"
print(len(word), word.upper(), word[2], word.encode("utf-8"))
print(b"caf\xc3\xa9".decode("utf-8"), "é" == "\u00e9")
print(word[100:], word[-100:3], word[5:2], repr(word[3:3]))
print([ord(c) for c in "aé€"], chr(8364), "€" * 3)
letters = "abcdefghij"
print(letters[::3], letters[8:2:-2], letters[-1::-4])
print("🙂".encode("utf-8"), len("🙂"), "a🙂b"[1])
print(sorted(["b", "B", "a", "é", "e"]))
print("Zebra" < "apple", "apple" < "apples", min("hello"))
for i, ch in enumerate("héllo"):
    if ord(ch) > 127:
        print("non-ASCII at", i, repr(ch))
