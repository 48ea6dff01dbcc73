# Word counts, capitalisation and cleanup on a paragraph.
text = """The quick brown fox jumps over the lazy dog.
The dog sleeps; the fox runs!"""
words = [w.strip(".,;!").lower() for w in text.split()]
print(len(words), words[:5])
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
print(top)
print(" ".join(w.capitalize() for w in words[:4]))
lines = text.splitlines()
print(len(lines), [len(line) for line in lines])
print(text.count("the"), text.lower().count("the"), text.find("fox"), text.rfind("fox"))
vowels = sum(1 for ch in text.lower() if ch in "aeiou")
print("vowels:", vowels)
print(max(words, key=len), max(sorted(set(words)), key=len))
