# json.dumps: indent, sort_keys, separators, ensure_ascii, allow_nan, skipkeys, default, errors.

import json

doc = {"b": [1, 2, {"x": [], "y": {}}], "a": {"k": None}, "c": "text"}
print(json.dumps(doc, indent=2, sort_keys=True))
print(json.dumps([1, [2, 3]], indent="\t"))
print(json.dumps({"a": 1, "b": [True]}, indent=0))
print(json.dumps([1, {"a": 2}], separators=(",", ":")), json.dumps({"a": 1}, indent=1, separators=(",", "= ")))
print(json.dumps("é€😀\x01\t"), json.dumps("é€😀", ensure_ascii=False))
print(json.dumps([float("nan"), float("inf"), -float("inf"), 1e16, 1.5e-7, 0.1, -0.0, 2**70]))
print(json.dumps({1.5: 1, None: 2, True: 3, False: 4, 10**30: 5, -7: 6}))
print(json.dumps({"z": 1, "a": 2, "m": 3}, sort_keys=True), json.dumps((1, (2, 3))), json.dumps(""))
try:
    json.dumps([float("nan")], allow_nan=False)
except ValueError as e:
    print("ValueError", e)
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print("TypeError", e)
print(json.dumps({(1, 2): 3, "a": 1}, skipkeys=True))
for bad in [{1, 2}, object, b"x".decode, 1j]:
    try:
        json.dumps(bad)
    except TypeError as e:
        print("TypeError", str(e).split(" is ")[0].startswith("Object of type"))

class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y

def encode(o):
    if isinstance(o, Vec):
        return {"x": o.x, "y": o.y}
    if isinstance(o, set):
        return sorted(o)
    raise TypeError("cannot encode " + type(o).__name__)

print(json.dumps({"v": Vec(1, 2), "s": {3, 1, 2}}, default=encode))
try:
    json.dumps([Vec(1, 2), 1j], default=encode)
except TypeError as e:
    print("TypeError", e)

a = []
a.append(a)
try:
    json.dumps(a)
except ValueError as e:
    print("ValueError", e)
d = {}
d["self"] = d
try:
    json.dumps(d)
except ValueError as e:
    print("ValueError", e)

# subclasses of built-in types serialise as their base type
class MyList(list):
    pass

class MyStr(str):
    pass

print(json.dumps([MyList([1, 2]), MyStr("s"), True, None]))
from collections import namedtuple, OrderedDict
Pt = namedtuple("Pt", "x y")
print(json.dumps({"pt": Pt(1, 2), "od": OrderedDict([("b", 1), ("a", 2)])}))

# deep nesting is an error, not a crash
deep = []
for _ in range(20000):
    deep = [deep]
try:
    json.dumps(deep)
except RecursionError:
    print("RecursionError")

for sep in [(), (",",), (",", ":", "?")]:
    try:
        json.dumps([1], separators=sep)
    except ValueError:
        print("ValueError separators", len(sep))
