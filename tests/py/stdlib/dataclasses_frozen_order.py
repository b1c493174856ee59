# dataclasses: frozen points as dict keys, an inventory sorted by order=True,
# unsafe_hash, hash/compare flags.
from dataclasses import dataclass, field, FrozenInstanceError, astuple


@dataclass(frozen=True)
class Point:
    x: int
    y: int

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)


grid = {Point(0, 0): "origin", Point(1, 2): "tree"}
print(grid[Point(1, 2)], Point(0, 0) in grid, Point(5, 5) in grid)
p = Point(3, 4)
print(p.moved(1, 1), hash(p) == hash(Point(3, 4)), len({Point(1, 1), Point(1, 1), Point(2, 1)}))
try:
    p.x = 10
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
try:
    del p.y
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
try:
    p.z = 1
except AttributeError as e:
    print("AttributeError is base:", isinstance(e, FrozenInstanceError))
print(p)

visited = set()
frontier = [Point(0, 0)]
while frontier:
    cur = frontier.pop()
    if cur in visited or abs(cur.x) > 2 or abs(cur.y) > 1:
        continue
    visited.add(cur)
    for d in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        frontier.append(cur.moved(*d))
print(len(visited), sorted(astuple(v) for v in visited)[:4])


@dataclass(order=True)
class Item:
    sort_key: tuple = field(init=False, repr=False)
    category: str
    name: str
    price: float = 0.0
    quantity: int = field(default=0, compare=False)

    def __post_init__(self):
        self.sort_key = (self.category, -self.price)


stock = [
    Item("tools", "hammer", 12.5, 3),
    Item("food", "apple", 0.5, 100),
    Item("tools", "saw", 20.0, 1),
    Item("food", "bread", 2.25, 10),
    Item("garden", "rake", 15.0),
]
for it in sorted(stock):
    print(it)
print(max(stock).name, min(stock).name)
print(Item("a", "b", 1.0) < Item("a", "c", 0.5), Item("a", "b", 1.0) <= Item("a", "b", 1.0, 7))
print(Item("a", "b", 1.0, 1) == Item("a", "b", 1.0, 99))
try:
    Item("a", "b") < 3
except TypeError:
    print("TypeError comparing with int")
print(sum(i.price * i.quantity for i in stock))


@dataclass(unsafe_hash=True)
class Tag:
    name: str
    note: str = field(default="", hash=False, compare=False)


t = Tag("x", "first")
print(hash(t) == hash(Tag("x", "other")), {t: 1}[Tag("x")])
t.name = "y"  # still mutable
print(t)


@dataclass(eq=False)
class Ident:
    v: int


i = Ident(1)
print({i: 1}[i], i == Ident(1))

try:

    @dataclass(order=True)
    class Clash:
        a: int

        def __lt__(self, other):
            return True

except TypeError as e:
    print("TypeError:", e)

try:

    @dataclass(order=True, eq=False)
    class NoEq:
        a: int

except ValueError as e:
    print("ValueError:", e)
