# Tuple/list unpacking in assignment and for loops, swapping, nested structures.

a, b, c = 1, 2, 3
print(a, b, c)
(a, b), c = [10, 20], 30
print(a, b, c)
[a, b] = "xy"
print(a, b)
a, = [99]
print(a)
a = b = (1, 2)
x, y = a
print(x, y, a is b)

# rotating values
p, q, r = 1, 2, 3
p, q, r = q, r, p
print(p, q, r)

# right-hand side fully evaluated before assigning
lst = [1, 2, 3]
i = 0
i, lst[i] = 1, 100
print(i, lst)

# unpacking dict items, enumerate, zip
d = {"one": 1, "two": 2}
for key, value in d.items():
    print(key, value)
for idx, (k, v) in enumerate(d.items()):
    print(idx, k, v)
for (n, s), flag in zip([(1, "a"), (2, "b")], [True, False]):
    print(n, s, flag)

# unpacking from generators and iterators
def gen():
    yield "first"
    yield "second"

g1, g2 = gen()
print(g1, g2)
it = iter(range(3))
i1, i2, i3 = it
print(i1, i2, i3)

# functions returning tuples
def minmax(seq):
    return min(seq), max(seq)

lo, hi = minmax([4, 9, 1])
print(lo, hi)
result = minmax("hello")
print(result, type(result).__name__)

# too many / too few values
for src in [[1, 2, 3], [1], "abcd", ""]:
    try:
        m, n = src
        print("ok", m, n)
    except ValueError:
        print("ValueError", len(src))

# non-iterables
for val in [5, None, 3.5]:
    try:
        m, n = val
    except TypeError:
        print("TypeError", type(val).__name__)

# starred targets collect lists
first, *middle, last = range(10)
print(first, middle, last)
*_, final = [1, 2, 3]
print(final)
head, *tail = "a"
print(head, tail)
