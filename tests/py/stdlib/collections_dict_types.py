# collections.defaultdict, Counter and OrderedDict (dict subclasses).

from collections import OrderedDict, defaultdict, Counter

dd = defaultdict(list)
dd["a"].append(1)
dd["b"]
print(dd, dd["a"], len(dd), dd.default_factory is list, isinstance(dd, dict))
counts = defaultdict(int)
for w in "the cat the dog the end".split():
    counts[w] += 1
print(sorted(counts.items()), counts.get("zz"), "zz" in counts)
plain = defaultdict()
try:
    plain["x"]
except KeyError as ex:
    print("KeyError", ex)
print(defaultdict(int, {"a": 1}, b=2), dd.copy(), type(dd.copy()).__name__)
try:
    defaultdict(5)
except TypeError as ex:
    print("TypeError", ex)
nested = defaultdict(lambda: defaultdict(int))
nested["x"]["y"] += 2
print(nested["x"]["y"], dict(nested["x"]))
groups = defaultdict(set)
for k, v in [("a", 1), ("b", 2), ("a", 3), ("a", 1)]:
    groups[k].add(v)
print(sorted((k, sorted(v)) for k, v in groups.items()))

c = Counter("abracadabra")
print(c, c["a"], c["z"], c.most_common(2), c.most_common(0), sorted(c.elements())[:6], c.total())
c.update("aaz")
c.subtract({"a": 1})
print(c, len(c))
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2))
print(Counter(a=3) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2))
print(Counter(), Counter({"x": 2}) == Counter(x=2), -Counter(a=-2, b=1), +Counter(a=-2, b=1))
del c["not there"]
words = "it was the best of times it was the worst of times".split()
print(Counter(words).most_common(3), Counter(len(w) for w in words))

od = OrderedDict(a=1, b=2)
od2 = OrderedDict(b=2, a=1)
print(od == od2, od == dict(od2), dict(od2) == od, od != od2, list(reversed(od)))
print(OrderedDict.fromkeys("xy", 0) == OrderedDict([("x", 0), ("y", 0)]))
try:
    OrderedDict().popitem()
except KeyError:
    print("KeyError empty")
try:
    od.move_to_end("zz")
except KeyError as ex:
    print("KeyError", ex)
print(list((od | {"c": 3}).items()), isinstance(od, dict), type(od.copy()).__name__)
big = OrderedDict((str(i), i) for i in range(20))
big.move_to_end("5", last=False)
big.move_to_end("0")
print(list(big)[:3], list(big)[-2:], big.popitem(last=False), big.popitem(), len(big))
