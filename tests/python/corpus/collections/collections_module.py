# collections: Counter, defaultdict, deque, namedtuple, OrderedDict.
from collections import Counter, defaultdict, deque, namedtuple, OrderedDict

votes = Counter("abracadabra")
print(votes.most_common(2), votes["a"], votes["z"])
groups = defaultdict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups[word[0]].append(word)
print(dict(groups))
line = deque([1, 2, 3], maxlen=4)
line.append(4)
line.append(5)
line.appendleft(0)
print(line, line.popleft(), line.pop(), list(line))
Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x + p.y, p._replace(x=10), p._asdict())
od = OrderedDict(a=1, b=2)
od.move_to_end("a")
print(list(od))
print(Counter(a=3, b=1) + Counter(a=1, c=2))
