# tuples: packing, indexing, slicing, methods, immutability, hashing, and comparisons.

t = (1, "two", 3.0, [4])
print(t, len(t), t[0], t[-1], t[1:3], t[::-1], type(t[1:2]).__name__)
print((), (1,), (1), tuple(), tuple("ab"), tuple([1, 2]), tuple(range(3)), tuple({"k": 0}))
single = 5,
print(single, type(single).__name__, len(single))
print((1, 2) + (3,), (0,) * 3, (1, 2) * 0, 2 in (1, 2), "x" not in ("a",))
print((1, 2, 2, 3, 2).count(2), (1, 2, 3).index(3), (5, 6, 5).index(5, 1))
try:
    (1, 2).index(9)
except ValueError:
    print("ValueError index")

# immutability, but contained objects may change
try:
    t[0] = 9
except TypeError:
    print("TypeError assignment")
t[3].append(5)
print(t)
try:
    del t[0]
except TypeError:
    print("TypeError deletion")

# hashing: tuples of hashables are hashable
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "pt"}[(1, 2)], len({(1, 2), (1, 2), (2, 1)}))
try:
    hash((1, [2]))
except TypeError:
    print("TypeError unhashable member")

# comparisons are lexicographic
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9, 9), (1, 2) == (1, 2), (1, 2) == [1, 2])
print(sorted([(2, 1), (1, 2), (1, 1)]), max((1, "b"), (1, "a")), min([(3,), (2, 5)]))

# tuple packing and unpacking in returns and loops
def stats(values):
    return min(values), max(values), sum(values) / len(values)

lo, hi, mean = stats([3, 7, 2])
print(lo, hi, mean, stats([1]))
for name, (x, y) in [("a", (1, 2)), ("b", (3, 4))]:
    print(name, x + y)

# tuples as records
points = [(0, 0), (3, 4), (-1, 1)]
print(sorted(points, key=lambda p: p[0] ** 2 + p[1] ** 2))
print([x for x, _ in points], list(zip(*points)))

# nested tuples, repr of tuples with one element and strings
nested = ((1, 2), (3, (4, 5)))
print(nested, nested[1][1][0], repr(("x",)), str(("a", "b")))

# tuple() of a tuple returns the same kind of object
orig = (1, 2)
print(tuple(orig) == orig, len(tuple(x for x in orig)))
