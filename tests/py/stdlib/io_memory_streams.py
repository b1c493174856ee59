# io.StringIO / io.BytesIO: positions, seeking, overwriting, readinto, closing, IOBase subclasses.

import io
s = io.StringIO("héllo\nwörld\nlast")
print(s.read(3), s.tell(), s.readline(), s.readlines(), s.read(), s.tell())
s.seek(0); print(list(s))
s.seek(0, 2); print(s.tell(), s.write("!"), s.getvalue())
s.seek(1); s.write("E"); print(s.getvalue(), s.tell())
s.truncate(4); print(repr(s.getvalue()), s.tell())
s = io.StringIO(); s.seek(3); s.write("x"); print(repr(s.getvalue()))
print(s.readable(), s.writable(), s.seekable(), s.closed); s.close(); print(s.closed)
for op in [lambda: s.read(), lambda: s.write("a"), lambda: s.getvalue(), lambda: s.seek(0)]:
    try: op()
    except ValueError as e: print("ValueError", e)
b = io.BytesIO(b"0123456789")
print(b.read(2), b.seek(-2, 2), b.read(), b.seek(3), b.tell(), b.read(2), b.seek(2, 1), b.read(1))
ba = bytearray(4); b.seek(0); print(b.readinto(ba), ba, b.tell())
b.seek(8); print(b.readinto(ba), ba)
b = io.BytesIO(); b.write(b"abc"); b.write(bytearray(b"de")); b.seek(1); b.write(b"XY"); print(b.getvalue())
b.writelines([b"1", b"2"]); print(b.getvalue(), b.truncate(2), b.getvalue())
print(io.BytesIO(b"a\nb\nc").readlines(), list(io.BytesIO(b"x\ny")))
with io.BytesIO(b"q") as f: print(f.read())
print(f.closed)
try: io.StringIO(b"x")
except TypeError as e: print("TypeError", e)
try: io.StringIO().write(5)
except TypeError as e: print("TypeError", e)
try: io.BytesIO().write("s")
except TypeError as e: print("TypeError", e)
print(isinstance(io.StringIO(), io.IOBase), issubclass(io.BytesIO, io.IOBase))
class W(io.IOBase):
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s); return len(s)
w = W(); print("a", 1, sep="-", end="!", file=w); print(w.parts)
with W() as w2: pass
print(w2.closed if hasattr(w2, "closed") else "no closed")
sio = io.StringIO(); print("x", "y", file=sio); print(repr(sio.getvalue()))
print(io.StringIO("a\r\nb").readlines())

# readinto accepts any writable buffer
b = io.BytesIO(b"abcdefgh")
mv = memoryview(bytearray(6))
print(b.readinto(mv), bytes(mv), b.readinto(mv[2:]), bytes(mv))
try:
    b.readinto(b"immutable")
except TypeError:
    print("TypeError readinto bytes")

# StringIO used as an in-memory text file
log = io.StringIO()
for i in range(3):
    log.write("entry %d\n" % i)
log.seek(0)
print([line.strip() for line in log], log.tell(), len(log.getvalue()))

class Upper(io.StringIO):
    def write(self, s):
        return super().write(s.upper())

u = Upper()
print("shout", file=u)
print(repr(u.getvalue()), isinstance(u, io.StringIO))

class LineSource(io.IOBase):
    def __init__(self, lines):
        self.lines = list(lines)

    def readline(self):
        return self.lines.pop(0) if self.lines else ""

print(list(LineSource(["a\n", "b\n"])), LineSource(["x\n"]).readlines())
