# io.StringIO and io.BytesIO: writing, reading, seeking, lines, and use with print/json.

import io

s = io.StringIO()
print(s.write("hello "), s.write("world\n"))
print("printed line", file=s)
print(repr(s.getvalue()))

r = io.StringIO("line one\nline two\nlast")
print(repr(r.readline()), repr(r.read(4)), repr(r.read()), repr(r.read()))
r.seek(0)
print(r.readlines())
r.seek(0)
print([line.rstrip("\n") for line in r])
r.seek(5)
print(repr(r.read(3)), r.tell())

b = io.BytesIO()
b.write(b"\x00\x01")
b.write(bytes([2, 3]))
print(b.getvalue(), b.tell())
b.seek(1)
print(b.read(2), b.read(), b.read())

b2 = io.BytesIO(b"abc\ndef\n")
print(b2.readline(), b2.read(1), b2.read())

# StringIO as a file-like object for functions expecting files
def write_report(f, rows):
    for name, value in rows:
        f.write("%s=%s\n" % (name, value))

out = io.StringIO()
write_report(out, [("a", 1), ("b", 2)])
print(out.getvalue().splitlines())

# with statement closes the stream
with io.StringIO("ctx") as f:
    print(f.read())
try:
    f.read()
    print("read after close")
except ValueError:
    print("ValueError reading closed stream")

# writing to a position overwrites
w = io.StringIO()
w.write("abcdef")
w.seek(2)
w.write("XY")
print(w.getvalue())

# type errors
try:
    io.StringIO().write(b"bytes")
except TypeError:
    print("TypeError bytes into StringIO")
try:
    io.BytesIO().write("text")
except TypeError:
    print("TypeError str into BytesIO")
