# sorted and list.sort: keys, reverse, stability, tuples.
people = [("ann", 31), ("bob", 25), ("cy", 31), ("dee", 25), ("eve", 40)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
words = ["banana", "Apple", "cherry", "apple"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
nums = [3, -1, 4, -1, 5, -9]
nums.sort(key=abs)
print(nums)
print(sorted("hello world".split(), key=lambda w: w[-1]))
print(sorted({3: "c", 1: "a"}), sorted([(2, "b"), (1, "z"), (2, "a")]))
print(sorted([0.5, -2, 1, 3.25]), list(reversed(sorted("cab"))))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
