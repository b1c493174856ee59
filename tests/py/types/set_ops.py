# set and frozenset: construction, algebra, methods, membership, and hashing rules.

a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union(b, [9])), sorted(a.intersection(b, {4})), sorted(a.difference(b, [1])), sorted(a.symmetric_difference([1, 10])))
print(a <= a, {1, 2} <= a, {1, 2} < a, a < a, a >= {4}, a > a, a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({7, 8}))
print(len(a), 3 in a, 7 in a, 7 not in a, set() == set(), {1} == {1.0}, {1, 2} == frozenset([1, 2]))

# mutation
s = set()
s.add(3)
s.add(3)
s.add(1)
s.update([5, 6], (7,))
print(sorted(s), len(s))
s.discard(5)
s.discard(100)
s.remove(6)
try:
    s.remove(100)
except KeyError:
    print("KeyError remove")
print(sorted(s))
popped = s.pop()
print(popped in (1, 3, 7), len(s))
s.clear()
print(s, len(s))
try:
    s.pop()
except KeyError:
    print("KeyError pop empty")

# in-place operators
x = {1, 2, 3}
x |= {4}
x &= {1, 2, 4, 8}
x -= {1}
x ^= {2, 9}
print(sorted(x))
x.intersection_update([4, 9, 10])
x.difference_update([9])
x.symmetric_difference_update([4, 5])
print(sorted(x))

# construction from iterables; duplicates removed
print(sorted(set("mississippi")), sorted(set([3, 1, 3, 2])), set(), sorted(set(range(5)) - {0}))
print(sorted({c.lower() for c in "AaBbC"}))

# elements must be hashable
try:
    {[1, 2]}
except TypeError:
    print("TypeError unhashable element")
try:
    set().add({})
except TypeError:
    print("TypeError add dict")

# frozenset is immutable and hashable
fs = frozenset([1, 2, 3])
print(sorted(fs), type(fs).__name__, hash(fs) == hash(frozenset([3, 2, 1])), fs | {4} == {1, 2, 3, 4})
print(type(fs | {4}).__name__, type({4} | fs).__name__)
d = {fs: "frozen key"}
print(d[frozenset({1, 2, 3})])
try:
    fs.add(4)
except AttributeError:
    print("AttributeError frozenset.add")
nested = {frozenset([1]), frozenset([1]), frozenset([2])}
print(len(nested))

# sets of strings: order is arbitrary, so sort before printing
words = {"pear", "apple", "fig"}
print(sorted(words), sorted(words | {"kiwi"}), "fig" in words)

# copy is independent
c = a.copy()
c.add(100)
print(100 in a, 100 in c)

# ordering operators with non-sets
try:
    {1} < [1, 2]
except TypeError:
    print("TypeError set < list")
print({1, 2} == [1, 2], {1}.union() == {1})

# bool and empty set literal
print(bool(set()), bool({0}), type({}).__name__, type(set()).__name__)
