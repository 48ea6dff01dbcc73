# Lists as stacks, deques as queues; matching brackets.
from collections import deque

def balanced(text):
    pairs = {")": "(", "]": "[", "}": "{"}
    stack = []
    for ch in text:
        if ch in "([{":
            stack.append(ch)
        elif ch in pairs:
            if not stack or stack.pop() != pairs[ch]:
                return False
    return not stack

for t in ["(a[b]{c})", "(]", "((", "{[()()]}"]:
    print(t, balanced(t))
line = deque()
for person in ["ann", "bob", "cy"]:
    line.append(person)
    print("joined:", person, list(line))
while line:
    print("served:", line.popleft(), "left:", len(line))
recent = deque(maxlen=3)
for page in ["home", "shop", "cart", "pay", "done"]:
    recent.append(page)
print(list(recent), recent[0], recent[-1])
