# range and slice objects as values: attributes, equality, indices, and methods.

r = range(2, 20, 3)
print(r, r.start, r.stop, r.step, len(r), list(r))
print(r.index(8), r.count(8), r.count(9), r[1:3], r[::-1], r[-2:])
print(range(0, 3) == range(3), range(0) == range(5, 5), range(0, 5, 2) == range(0, 6, 2), range(1) != range(2))
print(hash(range(3)) == hash(range(0, 3)), repr(range(-5, 5, 2)), str(range(4)))
try:
    r.index(9)
except ValueError:
    print("ValueError index")
print(range(10 ** 20)[10 ** 19], len(range(-(10 ** 20), 10 ** 20, 10 ** 19)))

# slice objects
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None, None, -1))
print(s.indices(5), slice(None).indices(7), slice(-3, None).indices(10), slice(None, None, -1).indices(4))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
data = list(range(12))
print(data[s], data[slice(-4, None)], data[slice(None, None, 3)])

# slices are passed through to user __getitem__
class Echo:
    def __getitem__(self, k):
        return k

e = Echo()
print(e[1:2], e[::2], e[:], e[1:2, 3], e[..., 1])
print(type(e[1:2]).__name__, e[1:2:3].step)

# slice step zero
try:
    data[::0]
except ValueError:
    print("ValueError step zero")

# ellipsis object
print(..., Ellipsis, ... is Ellipsis, type(...).__name__)
