# KeyError: the key's repr is the message.
prices = {"apple": 1.25, "pear": 0.75}
print(prices["apple"])
print(prices.get("kiwi", "no kiwi"))
print(prices["kiwi"])
