# range and slice attributes, slice.indices(), ranges up to sys.maxsize, and
# hashing of dict views (values views hash by identity).
import sys

r = range(1, 10, 3)
print(r.start, r.stop, r.step, range(5).start, range(5).step)


class Key:
    def __getitem__(self, k):
        return k

s = Key()[1:2]
print(s.start, s.stop, s.step, Key()[::-1].step)
for sl in [Key()[:], Key()[2:], Key()[2:7:2], Key()[7:2:-2], Key()[-3:], Key()[::-1]]:
    print(sl.indices(10), sl.indices(5), sl.indices(0))
for bad in [None, -1]:
    try:
        Key()[:].indices(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__)
try:
    Key()[::0].indices(3)
except ValueError:
    print("ValueError")

m = sys.maxsize
r = range(-m + 1, -1)
print(r.start == -m + 1, r[0] == -m + 1, r[1] == -m + 2, r[-1], len(r) == m - 2)
r = range(m, 0, -1)
print(len(r) == m, r[1] == m - 1, next(iter(r)) == m, m in r, 0 in r)
r = range(m - 10, m, 3)
print([x - m for x in list(r)], [x - m for x in list(reversed(r))], len(r))
print(list(range(m - 1, m, 5)) == [m - 1], list(range(-m, -m + 10, 4)) == [-m, -m + 4, -m + 8])
print(r[1:] == range(m - 7, m, 3), len(r[::-1]), (m - 4) in r, (m - 5) in r)
try:
    len(range(-m, m))
except OverflowError:
    print("OverflowError")

print(type(hash({}.values())))
for v in [{}.keys(), {}.items()]:
    try:
        hash(v)
    except TypeError:
        print("TypeError")
