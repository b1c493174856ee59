# Text files: universal newlines and the newline= argument (reading and writing,
# a \r\n split across the read-ahead buffer), errors=, utf-8-sig.
import os
import time

d = "/tmp/krait_io_newlines_%d_%d" % (os.getpid(), time.time_ns() % 1000000007)
os.mkdir(d)
p = d + "/data.txt"
with open(p, "wb") as f:
    f.write(b"x" * 8191 + b"\r\n" + b"ab\rcd\r\n\r\nef\n\rgh\r")
for nl in [None, "", "\n", "\r", "\r\n"]:
    with open(p, newline=nl) as f:
        lines = f.readlines()
    print(repr(nl), len(lines), [l[-6:] for l in lines])
    with open(p, newline=nl) as f:
        print(repr(f.read()[8188:]))
    with open(p, newline=nl) as f:
        f.read(8190)
        print(repr(f.read(3)), repr(f.read(4)), repr(f.readline()), repr(f.readline(2)))
    with open(p, newline=nl) as f:
        print(sum(1 for _ in f))
for nl in [None, "", "\n", "\r", "\r\n"]:
    with open(p, "w", newline=nl) as f:
        f.write("a\nb\r\nc\rd")
        f.writelines(["\n", "e\n"])
    with open(p, "rb") as f:
        print(repr(nl), f.read())
with open(p, "wb") as f:
    f.write(b"line1\r\nl\xc3\xadne2\r\nbad \xff\r\n")
for line in open(p, errors="replace"):
    print(repr(line))
print(repr(open(p, encoding="latin-1", errors="strict").read()))
try:
    open(p).read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e.reason)
with open(p, "w", encoding="ascii", errors="xmlcharrefreplace") as f:
    f.write("é\n")
print(open(p, "rb").read())
for bad in [dict(newline="x"), dict(newline=1)]:
    try:
        open(p, **bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
for bad in [dict(newline=""), dict(errors="strict")]:
    try:
        open(p, "rb", **bad)
    except ValueError as e:
        print("ValueError")
with open(p, "w", encoding="utf-8-sig") as f:
    f.write("a,b\n1,2\n")
print(open(p, "rb").read())
print(open(p, encoding="utf-8-sig").read().splitlines(), repr(open(p, encoding="utf-8").read()[:3]))
with open(p, "w", encoding="utf-8-sig") as f:
    pass
print(open(p, "rb").read())
with open(p, "wb") as f:
    f.write(b"no bom")
print(open(p, encoding="utf-8-sig").read())
os.remove(p)
os.rmdir(d)
