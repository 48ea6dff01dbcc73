# Dict views are live; copy() is shallow, a comprehension can copy one level deeper.
prices = {"tea": 2, "cake": 3}
keys = prices.keys()
values = prices.values()
prices["coffee"] = 4
print(list(keys), list(values), len(keys), "tea" in keys)
print(keys & {"tea", "juice"}, list(prices.items())[-1])
shallow = prices.copy()
shallow["tea"] = 99
print(prices["tea"], shallow["tea"])
menu = {"drinks": ["tea"], "food": ["cake"]}
menu_copy = menu.copy()
menu_copy["drinks"].append("coffee")
print(menu["drinks"], menu is menu_copy, menu["drinks"] is menu_copy["drinks"])
deep = {key: list(value) for key, value in menu.items()}
deep["food"].append("pie")
print(menu["food"], deep["food"])
print(dict(sorted(prices.items(), key=lambda kv: kv[1], reverse=True)))
