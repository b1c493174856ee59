# collections.deque: the full CPython API, maxlen semantics, MicroPython's positional form.

from collections import deque

d = deque([1, 2, 3], maxlen=5)
print(d, d.maxlen, len(d), deque(), deque("abc"), deque(maxlen=2))
d.extendleft([0, -1])
print(d)
d.append(4)
print(d)
d.appendleft(9)
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
print(d.index(2), d.count(2), 3 in d, 42 in d, d[-1], d[0])
d.remove(2)
print(d)
d.insert(1, 7)
print(d)
d.reverse()
print(d)
e = d.copy()
print(e == d, e is d, e != d, deque([1, 2]) < deque([1, 3]), deque([1]) == [1])
d.clear()
print(d, bool(d), bool(e))

# MicroPython's form: deque(iterable, maxlen); CPython accepts it too
ring = deque((), 3)
for i in range(7):
    ring.append(i)
print(ring, list(ring), ring.maxlen)
print(deque(range(10), 3), deque([1, 2, 3], 0))
left = deque((), 2)
for i in range(4):
    left.appendleft(i)
print(left)

# errors
for f in [lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5], lambda: deque([1], 1).insert(0, 2)]:
    try:
        f()
    except IndexError as ex:
        print("IndexError", ex)
for f in [lambda: deque([1])[0:1], lambda: deque([1])["x"]]:
    try:
        f()
    except TypeError as ex:
        print("TypeError", ex)
for f in [lambda: deque(maxlen=-1), lambda: deque([1]).index(5), lambda: deque([1]).remove(5)]:
    try:
        f()
    except ValueError as ex:
        print("ValueError", ex)
x = deque(range(5))
try:
    for i in x:
        x.append(i)
except RuntimeError as ex:
    print("RuntimeError", ex)
try:
    hash(deque())
except TypeError:
    print("TypeError unhashable")

# operators, item assignment and deletion
print(list(reversed(deque([1, 2, 3]))), deque([1, 2]) + deque([3]), deque([1, 2]) * 2, 2 * deque([1]))
x = deque([1])
x += [2, 3]
print(x)
x *= 2
print(x)
del x[0]
x[0] = "z"
print(x, x.index(3, 2), x.count(3))
r = deque()
r.append(r)
print(r)

# a sliding window maximum (monotonic queue)
def window_max(values, k):
    q = deque()
    out = []
    for i, v in enumerate(values):
        while q and values[q[-1]] <= v:
            q.pop()
        q.append(i)
        if q[0] <= i - k:
            q.popleft()
        if i >= k - 1:
            out.append(values[q[0]])
    return out

print(window_max([1, 3, -1, -3, 5, 3, 6, 7], 3))

# history of the last n items
hist = deque(maxlen=3)
for line in ["a", "b", "c", "d", "e"]:
    hist.append(line)
print(list(hist), hist.maxlen)
