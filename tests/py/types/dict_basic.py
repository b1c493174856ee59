# dict: creation, access, update, deletion, insertion order, membership, iteration.

d = {"b": 2, "a": 1}
d["c"] = 3
d["b"] = 20
print(d, len(d), d["a"], "a" in d, "z" in d, "z" not in d)
print(list(d), list(d.keys()), list(d.values()), list(d.items()))
del d["a"]
d["a"] = 100
print(d)

# constructors
print(dict(), dict(x=1, y=2), dict([("k", "v"), ("n", 0)]), dict({"a": 1}, b=2), dict(zip("abc", range(3))))
print(dict.fromkeys(["p", "q"]), dict.fromkeys("ab", 0), {i: i * i for i in range(4)})

# missing keys
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e.args)
try:
    del d["missing"]
except KeyError:
    print("KeyError del")

# keys of many hashable types
mixed = {1: "int", 2.5: "float", "s": "str", (1, 2): "tuple", None: "none", True: "bool?", b"b": "bytes", frozenset([1]): "fs"}
print(mixed[1], mixed[2.5], mixed[(1, 2)], mixed[None], mixed[b"b"], mixed[frozenset({1})], len(mixed))
try:
    {[1]: 2}
except TypeError:
    print("TypeError unhashable key")

# iteration order is insertion order; re-assignment keeps position
order = {}
for k in ["z", "y", "x", "y", "w"]:
    order[k] = order.get(k, 0) + 1
print(order, list(order))

# changing size during iteration raises
try:
    for k in order:
        order[k + k] = 0
except RuntimeError:
    print("RuntimeError changed size")

# equality ignores order
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} == {"a": 1.0}, {} == {}, {"a": 1} != {"a": 2})

# nested dicts and copies
config = {"db": {"host": "x", "port": 1}, "debug": False}
shallow = dict(config)
shallow["db"]["port"] = 2
shallow["debug"] = True
print(config, shallow)

# many insertions and deletions keep consistent state
big = {}
for i in range(1000):
    big[i] = i * i
for i in range(0, 1000, 2):
    del big[i]
print(len(big), big[999], 998 in big, list(big)[:5], sum(big.values()))

# dict repr of nested and empty values
print({"list": [], "dict": {}, "tuple": (), "str": ""})

# integer-like keys
n = {}
n[1] = "a"
n[1.0] = "b"
n[True] = "c"
print(n)
