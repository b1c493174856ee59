# os.stat() and time.localtime()/gmtime(): tuples whose items can also be read by CPython's
# attribute names (st_size, tm_year, ...). OSError(errno, strerror, filename): the subclass
# for the errno, and the filename (CPython keeps it out of args, MicroPython and krait keep all
# the arguments there); filename on errors from os and open().

import errno
import os
import time

d = "/tmp/krait_os_stat_%d_%d" % (os.getpid(), time.time_ns() % 1000000007)
os.mkdir(d)
p = d + "/f.bin"
with open(p, "wb") as f:
    f.write(b"12345")
st = os.stat(p)
print(st.st_size, st[6], st.st_size == st[6], st.st_mode == st[0], len(st) >= 10)
print(st.st_mode & 0o170000 == 0o100000, os.stat(d).st_mode & 0o170000 == 0o040000)
print(st.st_ino == st[1], st.st_dev == st[2], st.st_nlink, st.st_uid == st[4], st.st_gid == st[5])
print(int(st.st_mtime) == int(st[8]), int(st.st_atime) == int(st[7]), int(st.st_ctime) == int(st[9]))
mode, ino, dev, nlink, uid, gid, size = tuple(st)[:7]
print(size, nlink)
print(isinstance(st, tuple), st[6:7])

for ts in [0, 951782400, 1700000000]:
    t = time.gmtime(ts)
    print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday)
    print(t[:6], t[0] == t.tm_year, isinstance(t, tuple))
    print("%04d-%02d-%02d %02d:%02d:%02d" % t[:6])

for a in [(2, "No such", "fname"), (99, "zz"), (17, "e", "a", None, "b"), (13, "denied")]:
    e = OSError(*a)
    print(type(e).__name__, e.args[:2], e.errno, e.strerror, e.filename, e.filename2)
try:
    raise OSError(errno.ENOENT, "custom")
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.filename)


class MyError(OSError):
    pass


m = MyError(2, "x", "y")
print(type(m).__name__, m.args[:2], m.filename)

for fn, args in [
    (open, (d + "/missing",)),
    (os.stat, (d + "/missing",)),
    (os.remove, (d + "/missing",)),
    (os.rename, (d + "/missing", d + "/other")),
    (os.mkdir, (d,)),
    (os.rmdir, (d + "/missing",)),
    (open, (d,)),
]:
    try:
        fn(*args)
    except OSError as e:
        print(
            type(e).__name__,
            errno.errorcode[e.errno],
            e.filename.replace(d, "D"),
            e.filename2 and e.filename2.replace(d, "D"),
        )
os.remove(p)
os.rmdir(d)
