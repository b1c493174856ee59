# open(): text and binary files, modes r/w/a/x/+, reading, writing, seeking, errors.
# Works in a fresh directory under /tmp, removed at the end.

import io
import os
import time

d = "/tmp/krait_io_files_%d_%d" % (os.getpid(), time.time_ns() % 1000000007)
os.mkdir(d)
p = d + "/data.txt"
with open(p, "w") as f:
    print(f.write("héllo\n"), f.write("line2\nline3"), f.tell(), f.name == p, f.mode, f.closed, f.writable(), f.readable())
print(f.closed)
with open(p) as f:
    print(repr(f.read(2)), f.tell(), repr(f.readline()), f.readlines())
    print(repr(f.read()), repr(f.readline()))
    f.seek(0); print([l for l in f])
with open(p, "rb") as f:
    print(f.read(3), f.tell(), f.readline(), f.seek(-3, 2), f.read(), f.mode)
    buf = bytearray(5); f.seek(0); print(f.readinto(buf), buf)
with open(p, "a") as f:
    f.write("\nappended")
print(open(p).read().splitlines())
with open(p, "w") as f: f.write("hello\nworld")
with open(p, "r+") as f:
    f.write("HE"); f.seek(0); print(repr(f.readline()))
with open(p, "w+b") as f:
    f.write(b"abcdef"); f.seek(2); print(f.read(2)); f.write(b"XY"); f.seek(0); print(f.read())
    print(f.truncate(3), f.seek(0), f.read())
try: open(p, "x")
except FileExistsError as e: print("FileExistsError", e.errno)
try: open(d + "/nope/x.txt")
except FileNotFoundError as e: print("FileNotFoundError", e.errno, e.args[0])
try: open(d + "/missing.txt", "rb")
except OSError as e: print("OSError", type(e).__name__, e.errno)
try: open(d)
except IsADirectoryError as e: print("IsADirectoryError", e.errno)
for m in ["rw", "rr", "z", "bt", ""]:
    try: open(p, m)
    except ValueError as e: print("ValueError", e)
with open(p, "w") as f:
    try: f.read()
    except io.UnsupportedOperation as e: print("UnsupportedOperation", e, isinstance(e, OSError), isinstance(e, ValueError))
with open(p, "r") as f:
    try: f.write("x")
    except OSError as e: print("OSError", e)
f = open(p); f.close()
try: f.read()
except ValueError as e: print("ValueError", e)
f.close()
with open(p, "wb") as f: f.write(b"\xff\xfeab")
try: open(p).read()
except UnicodeDecodeError as e: print("UnicodeDecodeError", isinstance(e, ValueError))
with open(p, "w", encoding="latin-1") as f: f.write("é")
print(open(p, "rb").read(), open(p, encoding="latin-1").read())
try: open(p, "rb", encoding="utf-8")
except ValueError as e: print("ValueError", e)
try: open(123.5)
except TypeError as e: print("TypeError")
with open(p, "w") as f: f.writelines(["a\n", "b\n"])
with open(p) as f: print(f.readlines(), f.encoding)
big = "x" * 100000 + "\n" + "y" * 10
with open(p, "w") as f: f.write(big)
with open(p) as f: print(len(f.readline()), len(f.read()), f.read())
with open(p, "rb") as f:
    n = 0
    while True:
        c = f.read(4096)
        if not c: break
        n += len(c)
    print(n)

# iteration, with-statement and readline(size) on a larger file
with open(p, "w") as f:
    for i in range(1000):
        f.write("row %d\n" % i)
with open(p) as f:
    rows = [line for line in f]
print(len(rows), rows[0], rows[-1].strip())
with open(p) as f:
    print(repr(f.readline(2)), repr(f.readline(100)), f.tell())
with open(p, "rb") as f:
    f.seek(-6, 2)
    print(f.read(), f.tell(), f.read(), f.seekable(), f.fileno() > 2)

# unbuffered-looking mixing of writes and reads on one handle
with open(p, "w+") as f:
    f.write("abc")
    print(f.tell(), repr(f.read()), f.seek(0), repr(f.read()))

os.remove(p)
os.rmdir(d)
print(os.path.exists(d))
