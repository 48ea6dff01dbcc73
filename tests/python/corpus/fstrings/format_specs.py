# Format specs: width, alignment, fill, sign, precision, types.
x = 42
pi = 3.14159265
print(f"[{x:5}] [{x:<5}] [{x:^5}] [{x:>5}]")
print(f"[{x:*^9}] [{x:05}] [{-x:05}] [{x:+}]")
print(f"[{pi:.3f}] [{pi:10.2f}] [{pi:<10.1f}] [{pi:e}] [{pi:.2e}]")
print(f"[{x:x}] [{x:X}] [{x:o}] [{x:b}] [{x:#x}] [{x:#b}]")
print(f"[{1234567:,}] [{1234567:_}] [{1234567.891:,.2f}]")
print(f"[{0.25:%}] [{0.25:.0%}] [{1/3:.4}] [{1e20:g}] [{123.0:g}]")
print(f"[{'left':<8}] [{'right':>8}] [{'mid':^8}] [{'cut':.2}]")
print(f"[{True}] [{None!r:>6}] [{-0.0}] [{x:c}]")
print(format(255, "08b"), format(3.5, "+.1f"), format("s", "3"))
print("{} and {}".format("one", "two"), "{1}{0}".format("a", "b"))
print("{name}: {value:.1f}".format(name="v", value=2.25))
print("%s has %d items (%.1f%%)" % ("cart", 3, 12.5))
