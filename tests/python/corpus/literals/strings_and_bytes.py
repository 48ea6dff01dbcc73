# String literals: quotes, escapes, raw strings, implicit concatenation, bytes.
single = 'it\'s'
double = "say \"hi\""
triple = """two
lines"""
raw = r"C:\new\table"
print(single, double)
print(triple)
print(raw, len(raw))
print("tab:\tend", "nl:\\n")
print("unicode: \u00e9 \N{GREEK SMALL LETTER ALPHA}")
print("con" "cat" 'en' "ation")
print(repr("quote ' inside"), repr('both \' and "'))
data = b"bytes\x00\xff"
print(data, len(data), data[0], data[-1])
print(repr(""), repr(''), str(b"ab"))
print("a" * 3 + "b")
