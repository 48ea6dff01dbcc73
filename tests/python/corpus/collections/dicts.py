# dict methods; insertion order is kept.
stock = {"apple": 3, "pear": 0}
stock["fig"] = 7
stock["apple"] += 2
print(stock, len(stock))
print(stock.get("kiwi"), stock.get("kiwi", 0), "fig" in stock)
print(list(stock.keys()), list(stock.values()), list(stock.items()))
print(stock.pop("pear"), stock.pop("kiwi", "absent"), stock)
print(stock.setdefault("plum", 1), stock.setdefault("apple", 99), stock)
stock.update({"fig": 1, "lime": 4}, grape=2)
print(stock)
print(stock.popitem(), stock)
counts = {}
for word in "the cat and the hat and the bat".split():
    counts[word] = counts.get(word, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print({**counts, "the": 0} | {"new": 1})
print(dict.fromkeys("abc", 0), {k: v for k, v in counts.items() if v > 1})
for key, value in list(counts.items()):
    if value == 1:
        del counts[key]
print(counts)
