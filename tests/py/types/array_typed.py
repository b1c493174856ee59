# array.array: typed numeric arrays, every typecode, buffer protocol, operators.
import array
from array import array as A

for code in "bBhHiIlLqQfd":
    a = A(code, [1, 2, 3])
    print(code, a.typecode, a.itemsize, len(a), a[0], a[-1], a.tolist(), len(a.tobytes()), repr(a))

print(A("i"), A("d"), A("b", b"\x01\xff"), A("h", bytearray(b"\x01\x00\x02\x00")), A("i", (x * x for x in range(4))))
print(A("H", A("b", [1, 2])), A("b", A("I", [1, 2])), A("d", [1, 2.5]), A("f", [0.1]).tolist() != [0.1], "q" in array.typecodes)

# limits
print(A("b", [-128, 127]), A("B", [0, 255]), A("h", [-32768, 32767]), A("H", [65535]), A("i", [-2**31, 2**31 - 1]))
print(A("I", [2**32 - 1]), A("l", [-2**63, 2**63 - 1]), A("L", [2**64 - 1]), A("q", [-2**63]), A("Q", [2**64 - 1]))
for code, v in [("b", 128), ("b", -129), ("B", -1), ("B", 256), ("h", 2**15), ("H", -1), ("i", 2**31), ("I", -1), ("I", 2**32),
                ("l", 2**63), ("L", -1), ("q", 2**63), ("Q", -1), ("Q", 2**64)]:
    try:
        A(code, [v])
        print("no error", code, v)
    except OverflowError as e:
        print("OverflowError", code, v, e)
for args in [("i", [1.5]), ("i", ["x"]), ("d", ["x"]), ("i", "abc"), (1,), ("ii",)]:
    try:
        A(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    A("x")
except ValueError as e:
    print("ValueError", e)
try:
    A("i", b"123")
except ValueError as e:
    print("ValueError", e)

# mutation
a = A("i", [5, 1, 4])
a.append(2)
a.extend([9, 9])
a.extend(A("i", [7]))
a.insert(0, 100)
a.insert(-1, 50)
print(a, a.pop(), a.pop(0), a.index(9), a.count(9), 4 in a, 42 in a, 4.0 in a, "4" in a)
a.remove(9)
a.reverse()
print(a)
a[0] = -1
a[-1] = -2
print(a, a[1:3], a[::-1], a[::2], a[10:], a[-2:])
a[1:3] = A("i", [0, 0, 0])
print(a)
a[0:2] = A("i", [11, 12])
a[::2] = A("i", [1] * len(a[::2]))
print(a)
del a[0]
del a[1:3]
del a[::2]
print(a, len(a))
for bad in [lambda: a.remove(12345), lambda: a.index(12345), lambda: A("i").pop()]:
    try:
        bad()
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
try:
    a[100]
except IndexError as e:
    print("IndexError", e)
try:
    a[100] = 1
except IndexError as e:
    print("IndexError", e)
try:
    a.extend(A("h", [1]))
except TypeError as e:
    print("TypeError", e)
try:
    a[::2] = A("i", [1, 2, 3, 4, 5, 6])
except ValueError:
    print("ValueError extended slice")

# bytes conversion and buffer protocol
h = A("h", [1, -1, 256])
print(h.tobytes(), bytes(h), bytearray(h), b"x" + h, bytes(memoryview(h)), h.buffer_info()[1])
h.frombytes(b"\x05\x00")
h.fromlist([6, 7])
print(h)
h.byteswap()
print(h)
f = A("f", [1.5, -2.25])
d = A("d", [0.1, 1e300])
print(f, d, f.tobytes().hex(), list(A("f", f.tobytes())), d[1] * 10, A("f", [1e300]))

# operators and comparisons
x = A("i", [1, 2])
y = A("i", [3])
print(x + y, x * 2, 2 * x, x * 0, x == A("i", [1, 2]), x == A("h", [1, 2]), x != y, x < y, x <= x, y > x, x == [1, 2], x == b"\x01")
z = x
z += y
z *= 2
print(x, z is x)
try:
    x + A("d", [1.0])
except TypeError:
    print("TypeError mixed")
try:
    x + [1]
except TypeError:
    print("TypeError list")
try:
    hash(x)
except TypeError:
    print("TypeError unhashable")
print(bool(A("i")), bool(x), list(reversed(A("b", [1, 2, 3]))), sum(A("d", [0.5, 0.25])), max(A("H", [3, 9, 2])), sorted(A("b", [3, -1, 2])))
print(list(enumerate(A("B", b"ab"))), [v * 2 for v in A("h", [1, 2])], A("i", range(5))[2], str(A("b", [1])))

# subclass
class Samples(A):
    def mean(self):
        return sum(self) / len(self)
s = Samples("h", [1, 2, 3, 6])
s.append(8)
print(s.mean(), len(s), s[0], list(s), bytes(s)[:4], isinstance(s, A), s == A("h", [1, 2, 3, 6, 8]))

# large arrays
big = A("d", range(100000))
print(len(big), big[99999], sum(big[:10]), len(big.tobytes()))
ints = A("i", [0]) * 1000
for i in range(1000):
    ints[i] = i * i
print(sum(ints), ints[999], ints.count(0))
