# exp: hand
# io.BytesIO(bytes) and io.StringIO(str) share the initial object until the stream is
# first changed (copy on write, as MicroPython does): making one allocates only the
# stream, and getvalue() or a read() of everything returns that object itself, so
# both work with the heap locked. The first write copies; the initial object never
# changes.

import io
import micropython

data = b"123\n" * 256
before = micropython.mem_total()
b = io.BytesIO(data)
print("made without copying:", micropython.mem_total() - before < len(data))

v = r = None
micropython.heap_lock()
try:
    v = b.getvalue()
    r = b.read()
    n = b.tell()
    b.seek(0)
    ok = True
except MemoryError:
    ok = False
micropython.heap_unlock()
print("locked getvalue/read/seek:", ok, v is data, r is data, n)

# Partial reads copy what they return.
print(b.read(4), b.readline(), b.tell())
ba = bytearray(6)
print(b.readinto(ba), ba, b.tell())

# Writing copies first; the initial bytes stay as they were.
b.seek(2)
print(b.write(b"XY"), b.getvalue()[:8], data[:8])
print(b.getvalue() is data)
b.seek(0, 2)
b.write(b"!")
print(len(b.getvalue()), len(data))

# truncate() copies too (only when it shortens).
t = io.BytesIO(b"abcdef")
print(t.truncate(10), t.getvalue())
print(t.truncate(3), t.getvalue(), t.tell())

# A write past the end pads with NULs.
p = io.BytesIO(b"ab")
p.seek(4)
p.write(b"c")
print(p.getvalue())

# Other buffers (bytearray, memoryview) are copied at once: they can change.
src = bytearray(b"xyz")
c = io.BytesIO(src)
src[0] = 0x41
print(c.getvalue())
print(io.BytesIO(memoryview(b"hello")[1:3]).getvalue())

# StringIO shares its initial str the same way.
s0 = "héllo\nwörld\n" * 10
s = io.StringIO(s0)
micropython.heap_lock()
try:
    sv = s.getvalue()
    ok = True
except MemoryError:
    ok = False
micropython.heap_unlock()
print("locked StringIO getvalue:", ok, sv is s0)
print(repr(s.readline()), s.tell(), repr(s.read(3)))
s.seek(1)
s.write("E")
print(repr(s.getvalue()[:12]), repr(s0[:12]))

# Closing lets go of the shared object.
b.close()
try:
    b.getvalue()
except ValueError:
    print("closed")
