# bytearray: mutators, slice assignment, methods returning new bytearrays, buffer use.

ba = bytearray(b"abc")
ba.append(100)
ba.extend(b"ef")
ba.extend([103, 104])
ba.extend(x for x in (105,))
ba.extend(bytearray(b"j"))
ba.extend(memoryview(b"k"))
print(ba, len(ba))
ba.insert(0, 65)
ba.insert(-1, 66)
ba.insert(100, 67)
ba.insert(-100, 68)
print(ba)
print(ba.pop(), ba.pop(0), ba.pop(-2), ba)
ba.remove(ord("c"))
print(ba)
for bad in [lambda: ba.remove(200), lambda: ba.append(256), lambda: ba.append(-1), lambda: ba.insert(0, 999)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
for bad in [lambda: ba.append("x"), lambda: ba.extend("str"), lambda: ba.append(1.0), lambda: ba.extend(5)]:
    try:
        bad()
    except TypeError:
        print("TypeError")
try:
    bytearray().pop()
except IndexError as e:
    print("IndexError", e)
c = ba.copy()
ba.reverse()
print(ba, c, c is ba)
ba.clear()
print(ba, len(ba), c)

# slice assignment: buffers and iterables of ints, growing and shrinking
x = bytearray(b"0123456789")
x[2:4] = b"AB"
x[0:0] = [120, 121]
x[-2:] = (x for x in b"YZ")
print(x)
x[3:8] = b""
print(x)
x[1:2] = bytearray(b"long insert")
print(x)
x[::2] = bytes(len(x[::2]))
print(x)
x[1::3] = memoryview(b"!" * len(x[1::3]))
print(x)
try:
    x[::2] = b"no"
except ValueError:
    print("ValueError extended slice")
try:
    x[0:2] = 5
except TypeError:
    print("TypeError assign int")
try:
    x[0:1] = [300]
except ValueError:
    print("ValueError range")
x[:] = b"reset"
del x[1:3]
del x[-1]
print(x)
x[0] = 0x41
x[-1] = 255
print(x, x[0], x[-1])
try:
    x[10] = 1
except IndexError:
    print("IndexError")

# methods return bytearrays
y = bytearray(b"  Hello, World  ")
print(y.strip(), y.lower(), y.upper(), y.split(b","), y.replace(b"l", b"L"), y.partition(b","))
print(y.center(20, b"*"), y.find(b"World"), y.count(b"l"), y.startswith(b"  H"), y.hex(), y.title(), y.isspace())
print(bytearray(b"abc").decode(), bytearray.fromhex("41 42"), bytearray(b"a,b").rsplit(b","), bytearray(b"x").zfill(3))
z = bytearray(b"same")
print(z.strip() is z, z.strip() == z, type(z.strip()).__name__, type(z.split()[0]).__name__, type(b"".join([z])).__name__)

# operators
w = bytearray(b"ab")
alias = w
w += b"cd"
w += bytearray(b"e")
w += memoryview(b"f")
w *= 2
print(w, alias is w, w + b"!", bytearray(b"-") * 3, b"ab" == bytearray(b"ab"), bytearray(b"a") < b"b", w[1:3], w[::-1])
print(bytearray(b"abc") in [b"abc"], b"c" in w, 99 in w, list(bytearray(b"\x00\x01")), sorted(bytearray(b"cba")))
try:
    hash(bytearray())
except TypeError:
    print("TypeError unhashable")

# constructors
print(bytearray(), bytearray(3), bytearray([1, 2]), bytearray(b"x"), bytearray("é", "utf-8"), bytearray(range(3)), bytearray(memoryview(b"m")))
for args in [("s",), (-1,), ([256],), (1.0,), (None,)]:
    try:
        bytearray(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__)

# subclass
class Buf(bytearray):
    def first(self):
        return self[0]
bb = Buf(b"hello")
bb.append(33)
print(bytes(bb), bb.first(), len(bb), bb.upper(), bytes(bb), bb == b"hello!", isinstance(bb, bytearray))

# a bytearray as a reusable buffer
buf = bytearray(16)
for i in range(len(buf)):
    buf[i] = (i * 7) & 0xFF
mv = memoryview(buf)
mv[4:8] = b"\xde\xad\xbe\xef"
print(buf.hex(), sum(buf), buf[4:8].hex())
