# IndexError on a list.
queue = ["a", "b", "c"]
while queue:
    print(queue.pop(0))
print(queue[0])
