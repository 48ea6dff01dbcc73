# Comprehensions on records: filtering, grouping, totals.
orders = [
    {"id": 1, "customer": "ann", "total": 30.0, "items": ["tea", "cake"]},
    {"id": 2, "customer": "bob", "total": 12.5, "items": ["coffee"]},
    {"id": 3, "customer": "ann", "total": 7.25, "items": ["tea"]},
    {"id": 4, "customer": "cy", "total": 55.0, "items": ["cake", "coffee", "tea"]},
]
big = [o["id"] for o in orders if o["total"] > 20]
print(big)
by_customer = {c: sum(o["total"] for o in orders if o["customer"] == c)
               for c in sorted({o["customer"] for o in orders})}
print(by_customer)
all_items = sorted({item for o in orders for item in o["items"]})
print(all_items)
counts = {item: sum(item in o["items"] for o in orders) for item in all_items}
print(counts)
print(max(orders, key=lambda o: len(o["items"]))["id"])
print([(o["id"], len(o["items"])) for o in orders if "tea" in o["items"]])
