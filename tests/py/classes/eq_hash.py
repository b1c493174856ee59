# __eq__ and __hash__: dict keys, set members, and the hash/eq contract.

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, o):
        return isinstance(o, Point) and (self.x, self.y) == (o.x, o.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return f"P({self.x},{self.y})"

p1, p2, p3 = Point(1, 2), Point(1, 2), Point(2, 1)
print(p1 == p2, p1 is p2, hash(p1) == hash(p2))
s = {p1, p2, p3}
print(len(s), Point(1, 2) in s, Point(9, 9) in s)
d = {p1: "first"}
d[p2] = "second"
print(len(d), d[Point(1, 2)])

# defining __eq__ without __hash__ makes instances unhashable
class Unhashable:
    def __eq__(self, o):
        return True

try:
    hash(Unhashable())
except TypeError:
    print("TypeError unhashable")
try:
    {Unhashable()}
except TypeError:
    print("TypeError in set")

# default objects hash by identity
class Plain:
    pass

a, b = Plain(), Plain()
print(hash(a) == hash(a), len({a, b, a}), {a: 1}.get(b, "missing"))

# hash must return an int
class BadHash:
    def __hash__(self):
        return "nope"

try:
    hash(BadHash())
except TypeError:
    print("TypeError bad hash")

# large hash values are reduced but consistent
class BigHash:
    def __hash__(self):
        return 2 ** 100

print(hash(BigHash()) == hash(BigHash()), type(hash(BigHash())).__name__)

# objects equal to builtins can find builtin keys if hashes match
class Key:
    def __init__(self, s):
        self.s = s

    def __eq__(self, o):
        return self.s == o

    def __hash__(self):
        return hash(self.s)

table = {"apple": 1, "pear": 2}
print(table[Key("apple")], Key("pear") in table, Key("fig") in table)

# hash of builtin immutable types is consistent with equality
print(hash(1) == hash(1.0) == hash(True), hash("ab") == hash("a" + "b"), hash((1, "a")) == hash((1, "a")))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])), hash(()) == hash(()))
for bad in ([], {}, set(), bytearray()):
    try:
        hash(bad)
    except TypeError:
        print("TypeError", type(bad).__name__)

# __hash__ = None explicitly
class NoHash:
    __hash__ = None

try:
    hash(NoHash())
except TypeError:
    print("TypeError __hash__ None")

# subclass inherits __hash__ unless it defines __eq__
class Child(Point):
    pass

print(hash(Child(1, 2)) == hash(Point(1, 2)), Child(1, 2) == Point(1, 2))
