# Iterable unpacking in assignments, calls, and displays.

a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)

first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
head, *mid, tail = range(6)
print(head, mid, tail)
x, *y = [1]
print(x, y)
*z, = (1, 2)
print(z)

# nested targets
(p, q), r = (1, 2), 3
print(p, q, r)
[s, (t, *u)] = [1, (2, 3, 4)]
print(s, t, u)
for i, (j, k) in enumerate([(1, 2), (3, 4)]):
    print(i, j, k)
for first, *others in [(1, 2, 3), (4,)]:
    print(first, others)

# unpacking any iterable
m, n = {"k1": 1, "k2": 2}
print(m, n)
c1, c2, c3 = "abc"
print(c1 + c2 + c3)
g1, g2 = (i * 10 for i in range(2))
print(g1, g2)

# star in calls
l1 = [1, 2]
l2 = (3, 4)

def f(*args, **kw):
    return args, sorted(kw.items())

print(f(*l1, *l2, 0, **{"x": 1}, y=2, **{"z": 3}))

# errors
try:
    a, b = [1, 2, 3]
except ValueError:
    print("ValueError too many")
try:
    a, b, c = [1, 2]
except ValueError:
    print("ValueError not enough")
try:
    a, *b, c = [1]
except ValueError:
    print("ValueError star")
try:
    a, b = 5
except TypeError:
    print("TypeError not iterable")
try:
    exec("*a, *b = [1, 2]")
except SyntaxError:
    print("SyntaxError two stars")
try:
    exec("*a = [1, 2]")
except SyntaxError:
    print("SyntaxError lone star")
