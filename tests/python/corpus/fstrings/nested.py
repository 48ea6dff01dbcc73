# Nested replacement fields inside format specs, and f-strings in loops.
width, precision = 10, 3
value = 2 / 3
print(f"[{value:{width}.{precision}f}]")
for align in "<^>":
    print(f"[{'x':{align}{width}}]")
rows = [("apple", 1.5, 3), ("banana", 0.25, 12), ("cherry", 10.0, 100)]
print(f"{'name':<8}|{'price':>7}|{'qty':>4}")
for name, price, qty in rows:
    print(f"{name:<8}|{price:>7.2f}|{qty:>4d}")
total = sum(p * q for _, p, q in rows)
print(f"{'total':<8}|{total:>7.2f}|")
print(f"{f'{1 + 1}' * 3}")
print(f"{'a' if value > 0.5 else 'b'}")
print(f"{[f'{i:02}' for i in range(3)]}")
