# array: typed arrays, append/extend, indexing, slicing, bytes conversion, overflow behaviour.

from array import array

a = array("i", [1, 2, 3])
a.append(4)
a.extend([5, 6])
print(a, len(a), a[0], a[-1], list(a[1:3]), sum(a))
a[0] = 100
print(list(a), a.typecode)

b = array("B", [0, 255, 128])
print(b, bytes(b), list(b))
try:
    b.append(256)
except OverflowError:
    print("OverflowError B 256")

h = array("h", [-1, 32767])
print(list(h), bytes(h) == b"\xff\xff\xff\x7f" or bytes(h) == b"\xff\xff\x7f\xff")

f = array("f", [1.5, 2.25])
d = array("d", [0.1, -2.0])
print(list(f), list(d), f[0] + d[1])

# construction from bytes and iteration
raw = array("H", b"\x01\x00\x02\x00")
print(list(raw), [x * 2 for x in raw])

# array of a given size filled with zeros
z = array("I", bytes(4 * 3))
print(list(z), len(z))

# itemsize by typecode
for code in "bBhHiIlLqQfd":
    print(code, array(code, [1]).itemsize)

# slices and comparisons
c = array("i", range(10))
print(list(c[2:8:2]), c[::-1][0], array("i", [1, 2]) == array("i", [1, 2]))
c[0:3] = array("i", [9, 9, 9])
print(list(c[:4]))

# += concatenation
e = array("b", [1])
e += array("b", [2, 3])
print(list(e))

# memoryview over an array writes through
m = memoryview(a)
m[1] = 42
print(a[1])

# wrong type
try:
    array("i", [1.5])
except TypeError:
    print("TypeError float into int array")
try:
    array("x")
except ValueError:
    print("ValueError bad typecode")
