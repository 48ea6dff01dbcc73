# How repr() quotes and escapes strings and bytes.
samples = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline",
           "back\\slash", "bell\a", "\x00nul", "é ü", ""]
for s in samples:
    print(repr(s), len(s))
print(repr(b"\x00\x01abc\xff'"), repr(b'"'), repr(bytes([65, 10, 200])))
print(str(["a'b", 'c"d']), ["\n"], ("tab\t",))
print(ascii("naïve"), repr("\r\n"))
