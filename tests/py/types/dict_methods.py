# dict methods: get, setdefault, pop, popitem, update, copy, clear, keys/values/items views.

d = {"a": 1, "b": 2, "c": 3}
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("a", 99), d.setdefault("d", 4), d)
print(d.pop("b"), d.pop("zz", "default"), d)
try:
    d.pop("zz")
except KeyError:
    print("KeyError pop")
print(d.popitem(), d)
d.update({"x": 10}, y=20)
d.update([("z", 30)])
d.update(a=-1)
print(d)
c = d.copy()
c["new"] = 1
print(len(d), len(c), c is d)
c.clear()
print(c, len(c))
try:
    {}.popitem()
except KeyError:
    print("KeyError popitem empty")

# popitem is LIFO
p = {1: "a", 2: "b", 3: "c"}
print([p.popitem() for _ in range(3)])

# views are live
d = {"k1": 1, "k2": 2}
keys, values, items = d.keys(), d.values(), d.items()
d["k3"] = 3
print(list(keys), list(values), list(items), len(keys))
del d["k1"]
print(list(keys), "k2" in keys, 2 in values, ("k2", 2) in items, ("k2", 3) in items)

# key views support set operations
a = {"x": 1, "y": 2, "z": 3}
b = {"y": 0, "z": 0, "w": 0}
print(sorted(a.keys() & b.keys()), sorted(a.keys() | b.keys()), sorted(a.keys() - b.keys()), sorted(a.keys() ^ b.keys()))
print(sorted(a.items() & {("x", 1), ("y", 5)}))

# iterating over items with unpacking
for k, v in a.items():
    print(k, "->", v)

# dict merge operators
m1 = {"a": 1, "b": 2}
m2 = {"b": 3, "c": 4}
print(m1 | m2, m2 | m1)
m1 |= m2
print(m1)

# setdefault for grouping
groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(word[0], []).append(word)
print(groups)

# get with computed defaults and counting
counts = {}
for ch in "hello world":
    counts[ch] = counts.get(ch, 0) + 1
print(sorted(counts.items()))

# fromkeys shares the value object
shared = dict.fromkeys("ab", [])
shared["a"].append(1)
print(shared)

# reversed over dicts and views
print(list(reversed({"p": 1, "q": 2, "r": 3})), list(reversed(a.values())))
