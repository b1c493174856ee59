# Text files and newline=: universal newlines on read (\r\n and \r read as \n), newline=''
# (lines end at any of them, untranslated), '\n', '\r', '\r\n' (lines end there; a written
# \n becomes it), across the read buffer's boundary. Works in a fresh directory under /tmp.

import os
import time

d = "/tmp/krait_io_newlines_%d_%d" % (os.getpid(), time.time_ns() % 1000000007)
os.mkdir(d)
p = d + "/f.txt"
# A file written on Windows, a lone \r, and a \r\n split by the 8 KiB read-ahead.
data = b"a\r\nb\rc\nd\r\n\r\re" + b"x" * 8188 + b"\r\nlast\r"
with open(p, "wb") as f:
    f.write(data)
for nl in [None, "", "\n", "\r", "\r\n"]:
    with open(p, newline=nl) as f:
        lines = f.readlines()
    print(repr(nl), len(lines), [l if len(l) < 20 else len(l) for l in lines])
    with open(p, newline=nl) as f:
        text = f.read()
        print(repr(text[:12]), len(text), text.count("\n"), text.count("\r"), repr(f.read()))
    with open(p, newline=nl) as f:
        print(repr(f.read(3)), repr(f.readline()), repr(f.read(4)), repr(f.readline(2)))
    with open(p, newline=nl) as f:
        print(sum(1 for _ in f))

# Writing: \n stays \n, except with newline='\r' or '\r\n'.
for nl in [None, "", "\n", "\r", "\r\n"]:
    with open(p, "w", newline=nl) as f:
        print(f.write("x\ny\r\nz"), end=" ")
    with open(p, "rb") as f:
        print(repr(nl), f.read())

# The usual way to read a CRLF file: line by line, without '\r' left over.
with open(p, "wb") as f:
    f.write(b"name,qty\r\napple,3\r\npear,10\r\n")
with open(p) as f:
    rows = [line.rstrip("\n").split(",") for line in f]
print(rows)
with open(p) as f:
    print(f.read().splitlines())
with open(p, "rb") as f:
    print(f.readlines())

for bad in [("x",), ("rb", "")]:
    try:
        open(p, bad[0] if len(bad) > 1 else "r", newline=bad[-1])
    except ValueError:
        print("ValueError", bad)

os.remove(p)
os.rmdir(d)
