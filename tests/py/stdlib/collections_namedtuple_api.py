# collections.namedtuple: defaults, rename, validation, errors, tuple behaviour.

from collections import namedtuple

P = namedtuple("P", "x y z", defaults=[0, 1])
print(P(5), P(5, 6), P._field_defaults, P._fields, P.__name__)
for args, kw in [((), {}), ((1, 2, 3, 4), {}), ((1,), {"x": 2}), ((1,), {"w": 2})]:
    try:
        P(*args, **kw)
    except TypeError as ex:
        print("TypeError", ex)

Q = namedtuple("Q", ["abc", "def", "abc", "_x"], rename=True)
print(Q._fields, Q(1, 2, 3, 4))
for bad in [("1a", "x"), ("A", "x x"), ("A", "x _y"), ("A", "def"), ("A", "x-y"), ("class", "x")]:
    try:
        namedtuple(*bad)
    except ValueError as ex:
        print("ValueError", ex)
try:
    namedtuple("A", "x", defaults=(1, 2))
except TypeError as ex:
    print("TypeError", ex)

p = P(1, 2, 3)
print(p._asdict(), p._replace(z=9), p._replace(), hash(p) == hash((1, 2, 3)))
print(p < P(1, 2, 4), p == (1, 2, 3), (1, 2, 3) == p, p[1:], p[::-1], p.count(1), p.index(3))
try:
    p._replace(w=1)
except ValueError as ex:
    print("ValueError", ex)
try:
    P._make([1])
except TypeError as ex:
    print("TypeError", ex)
print(isinstance(p, tuple), issubclass(P, tuple), "%d-%d-%d" % p, p.x + p.z, len(p), p + (4,), p * 2)
a, *rest = p
print(a, rest, max(p), sorted(p, reverse=True), tuple(p), list(p), dict(zip(P._fields, p)))
try:
    p.x = 5
except AttributeError:
    print("AttributeError")
try:
    p[0] = 5
except TypeError:
    print("TypeError")
print(set([P(1, 2, 3), P(1, 2, 3), (1, 2, 3)]))

# empty and single-field records
E = namedtuple("E", "")
S = namedtuple("S", "only")
print(E(), len(E()), S(1), S(only=2).only)

# subclasses keep the record behaviour and their own name
class Point(namedtuple("Point", "x y")):
    def norm1(self):
        return abs(self.x) + abs(self.y)

pt = Point(3, -4)
print(pt, pt.norm1(), pt._replace(x=0), type(pt._replace(x=0)).__name__, Point._make((1, 1)))

# records as dictionary keys and in sorting
Card = namedtuple("Card", "rank suit")
hand = [Card(10, "h"), Card(2, "s"), Card(10, "c")]
print(sorted(hand), sorted(hand, key=lambda c: c.suit)[0], {c: c.rank for c in hand}[Card(2, "s")])
