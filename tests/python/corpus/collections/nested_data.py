# Nested dicts and lists: a JSON-like inventory.
inventory = {
    "fruit": {"apple": {"price": 0.5, "qty": 40}, "kiwi": {"price": 0.25, "qty": 0}},
    "bakery": {"bread": {"price": 2.0, "qty": 12}},
}
for category, items in inventory.items():
    for name, info in items.items():
        status = "in stock" if info["qty"] else "sold out"
        print(f"{category}/{name}: {info['price']:.2f} x {info['qty']} ({status})")
value = sum(i["price"] * i["qty"] for items in inventory.values() for i in items.values())
print("stock value:", value)
inventory["fruit"]["kiwi"]["qty"] += 10
inventory.setdefault("dairy", {})["milk"] = {"price": 1.1, "qty": 6}
print(sorted(inventory), inventory["dairy"])
print(inventory["fruit"].get("mango", {}).get("qty", 0))
flat = {f"{c}.{n}": i["qty"] for c, items in inventory.items() for n, i in items.items()}
print(flat)
