# collections.namedtuple: fields, indexing, unpacking, _replace, _asdict, _fields, equality.

from collections import namedtuple

Point = namedtuple("Point", ["x", "y"])
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[-1], len(p), tuple(p), list(p))
x, y = p
print(x + y, p == (1, 2), p == Point(1, 2), p != Point(2, 1), isinstance(p, tuple))
print(Point(x=5, y=6), Point(7, y=8), Point._fields)

# space/comma separated field strings
Color = namedtuple("Color", "r g b")
Size = namedtuple("Size", "w, h")
c = Color(255, 128, 0)
print(c, c.g, Size(3, 4).h, Color._fields, Size._fields)

# immutability
try:
    p.x = 10
except AttributeError:
    print("AttributeError immutable")

# _replace and _asdict
q = p._replace(y=20)
print(q, p)
print(dict(q._asdict()), list(q._asdict().items()))

# in containers, sorting, hashing
pts = [Point(3, 1), Point(1, 2), Point(1, 1)]
print(sorted(pts), max(pts, key=lambda t: t.y), {Point(0, 0): "origin"}[Point(0, 0)])

# wrong argument counts
for args in [(1,), (1, 2, 3)]:
    try:
        Point(*args)
    except TypeError:
        print("TypeError with", len(args), "args")

# subclassing a namedtuple to add methods
class Vec(namedtuple("Vec", "x y")):
    def length2(self):
        return self.x * self.x + self.y * self.y

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

v = Vec(3, 4) + Vec(1, 1)
print(v, v.length2(), type(v).__name__)

# _make builds from an iterable
print(Point._make([9, 8]), Point._make(range(2)))

# a record type used for parsed data
Row = namedtuple("Row", "name qty price")
rows = [Row(*line.split(",")) for line in ["bolt,10,0.5", "nut,20,0.2"]]
print(sum(int(r.qty) * float(r.price) for r in rows), [r.name for r in rows])
