# io: io.open, the SEEK_* constants, DEFAULT_BUFFER_SIZE, flush and isatty, and every stream as
# a context manager; files live in a fresh directory that the test removes.
import io
import os

print(io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)
print(type(io.DEFAULT_BUFFER_SIZE).__name__, io.DEFAULT_BUFFER_SIZE > 0)

base = "_io_more_tmp"
os.mkdir(base)
path = base + "/data.txt"
try:
    with io.open(path, "w") as f:
        print(isinstance(f, io.TextIOWrapper), isinstance(f, io.IOBase))
        f.write("line one\nline two\n")
        f.flush()
        print("isatty", f.isatty())
        with open(path) as g:
            print("after flush", repr(g.read()))
    print("closed by with", f.closed)

    with io.open(path, "r") as f:
        print(type(f) is io.TextIOWrapper)
        print(repr(f.readline()))
        print(f.seek(0, io.SEEK_END), f.tell())
        print(f.seek(0, io.SEEK_SET), repr(f.read(4)))
        print(f.seek(0, io.SEEK_CUR))

    with io.open(path, "rb") as f:
        print(isinstance(f, io.IOBase), f.isatty())
        f.seek(-4, io.SEEK_END)
        print(f.read())
        f.seek(2, io.SEEK_SET)
        f.seek(3, io.SEEK_CUR)
        print(f.tell(), f.read(3))
        buf = bytearray(4)
        f.seek(0)
        print(f.readinto(buf), buf)

    with io.open(path, "ab") as f:
        f.write(b"three\n")
        f.flush()
    with open(path, "rb") as f:
        print(f.read().count(b"\n"))

    # open() as a context manager closes the file even on an exception
    try:
        with open(path) as f:
            raise KeyError("inside")
    except KeyError:
        print("KeyError, closed:", f.closed)
finally:
    os.remove(path)
    os.rmdir(base)
print(os.path.exists(base) if hasattr(os, "path") else False)

# in-memory streams as context managers
with io.StringIO("abc\ndef\n") as s:
    print(repr(s.readline()), s.isatty(), s.flush())
    s.seek(0, io.SEEK_END)
    s.write("ghi")
    print(repr(s.getvalue()))
print(s.closed)
try:
    s.read()
except ValueError:
    print("ValueError on a closed StringIO")
with io.BytesIO(b"0123456789") as b:
    b.seek(-3, io.SEEK_END)
    print(b.read(), b.isatty(), b.flush())
    b.seek(1)
    b.seek(2, io.SEEK_CUR)
    print(b.tell(), b.read(2))
print(b.closed)
