# memoryview: zero-copy windows on bytes, bytearray and array, writes through, typed items.
from array import array

data = bytearray(b"0123456789")
mv = memoryview(data)
print(len(mv), mv[0], mv[-1], mv.format, mv.itemsize, mv.readonly, mv.nbytes, mv.ndim, mv.shape, mv.strides, mv.obj is data)
part = mv[2:8]
sub = part[1:3]
print(bytes(part), bytes(sub), len(sub), sub.tobytes(), sub.tolist(), sub.hex(), part.hex(":"))
sub[0] = ord("X")
sub[1:2] = b"Y"
print(data)
data[3] = ord("z")
print(bytes(sub), sub[0])
print(list(mv[7:]), list(mv[8:100]), bytes(mv[5:2]), len(mv[-3:]), [x for x in mv[:3]])

# assignment checks
for bad in [lambda: mv.__setitem__(0, 256), lambda: mv.__setitem__(0, -1)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
for bad in [lambda: mv.__setitem__(0, "a"), lambda: mv.__setitem__(0, 1.5)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
try:
    mv[0:2] = b"abc"
except ValueError:
    print("ValueError different structures")
try:
    mv[20]
except IndexError:
    print("IndexError")
try:
    del mv[0]
except TypeError:
    print("TypeError delete")

# read-only views
ro = memoryview(b"readonly")
print(ro.readonly, ro[1:3].readonly, bytes(ro[4:]), ro == b"readonly")
try:
    ro[0] = 1
except TypeError:
    print("TypeError read-only")
try:
    ro[0:1] = b"x"
except TypeError:
    print("TypeError read-only slice")
print(memoryview(bytearray(b"w")).toreadonly().readonly)

# overlapping moves within one buffer
b = bytearray(range(10))
m = memoryview(b)
m[1:] = m[:-1]
print(list(b))
m[:-1] = m[1:]
print(list(b))

# typed views of arrays
a = array("h", [1, -2, 300, -32768])
ma = memoryview(a)
print(len(ma), ma.format, ma.itemsize, ma.nbytes, ma[1], ma[-1], ma.tolist(), list(ma[1:3]))
ma[0] = 1000
ma[1:3] = array("h", [7, 8])
print(a, ma.tobytes())
try:
    ma[0] = 40000
except ValueError:
    print("ValueError h range")
try:
    ma[0:2] = b"\x00\x00\x00\x00"
except ValueError:
    print("ValueError format mismatch")
mf = memoryview(array("d", [0.5, 1.5]))
mf[1] = 2
print(mf.tolist(), mf.format, mf.itemsize)
mi = memoryview(array("I", [1, 2**32 - 1]))
print(mi.tolist(), mi[1])

# cast
raw = memoryview(bytearray(8))
words = raw.cast("I")
words[0] = 0x01020304
words[1] = 0xFFFFFFFF
print(words.format, len(words), words.tolist(), bytes(raw), raw.cast("h").tolist(), words.cast("B")[:4].tolist())
try:
    raw.cast("I").cast("h")
except TypeError:
    print("TypeError non-byte cast")
try:
    memoryview(b"abc").cast("h")
except TypeError:
    print("TypeError length")

# equality
print(memoryview(b"abc") == b"abc", b"abc" == memoryview(b"abc"), memoryview(b"abc") != b"abd", memoryview(b"ab") == bytearray(b"ab"))
print(memoryview(b"abc") == memoryview(b"abc"), memoryview(b"abc")[1:] == b"bc", memoryview(b"a") == "a", memoryview(b"\x01\x00") == array("h", [1]))
print(memoryview(array("b", [97, 98])) == b"ab", memoryview(array("h", [1, 2])) == array("h", [1, 2]), memoryview(array("h", [1])) == b"\x01\x00")

# buffer protocol consumers
m2 = memoryview(b"hello world")[6:]
print(bytes(m2), bytearray(m2), b">" + m2, bytearray(b">") + m2, b"".join([m2, b"!"]), str(m2, "ascii"), m2.tobytes().upper())
acc = bytearray(b"acc:")
acc += m2
print(acc, acc.find(m2), b"wor" in acc, m2 in [b"world"])

# release and context manager
with memoryview(bytearray(b"ctx")) as cm:
    print(cm[0], bytes(cm))
for f in [lambda: cm[0], lambda: len(cm), lambda: bytes(cm), lambda: cm.tobytes()]:
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
m3 = memoryview(b"x")
m3.release()
m3.release()
print(m3 == m3)

# errors on construction
for obj in ["str", 5, [1, 2], None]:
    try:
        memoryview(obj)
    except TypeError:
        print("TypeError", type(obj).__name__)

# a view keeps its base alive
def make_view():
    return memoryview(bytearray(b"kept alive"))[5:]
v = make_view()
import gc
gc.collect()
junk = [bytearray(100) for _ in range(100)]
print(bytes(v))
