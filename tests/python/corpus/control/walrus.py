# The assignment expression := in while, if and comprehensions.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print(f"{n} items")
stack = list(data)
while (top := stack.pop()) != 1:
    print("popped", top)
print("stopped at", top, "left", stack)
values = [y for x in data if (y := x * 2) > 6]
print(values, y)
words = ["apple", "kiwi", "banana"]
if (longest := max(words, key=len)) != words[0]:
    print("longest is", longest)
print([(w, size) for w in words if (size := len(w)) > 4])
