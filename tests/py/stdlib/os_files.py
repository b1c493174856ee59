# os: directories and files (mkdir, listdir, stat, rename, remove,
# rmdir, chdir, getcwd), the environment, urandom, and OSError with errno.

import os
import errno

base = "_krait_os_files_tmp"


def cleanup():
    if base in os.listdir():
        for name in os.listdir(base):
            path = base + "/" + name
            if os.stat(path)[0] & 0o170000 == 0o040000:
                os.rmdir(path)
            else:
                os.remove(path)
        os.rmdir(base)


cleanup()
os.mkdir(base)
print(base in os.listdir("."), base in os.listdir(), type(os.getcwd()).__name__, os.sep)
with open(base + "/a.txt", "w") as f:
    f.write("hello")
os.mkdir(base + "/sub")
print(sorted(os.listdir(base)), sorted(os.listdir(base.encode())))

st = os.stat(base + "/a.txt")
print(len(st), st[6], st[0] & 0o170000 == 0o100000, os.stat(base)[0] & 0o170000 == 0o040000, type(st[8]).__name__)
os.rename(base + "/a.txt", base + "/b.txt")
print(sorted(os.listdir(base)))
os.remove(base + "/b.txt")
os.rmdir(base + "/sub")
print(os.listdir(base))

here = os.getcwd()
os.chdir(base)
print(os.getcwd() == here + "/" + base, os.listdir())
os.chdir("..")
print(os.getcwd() == here)

for call in [lambda: os.stat(base + "/missing"), lambda: os.remove(base + "/missing"), lambda: os.mkdir(base),
             lambda: os.rmdir(base + "/missing"), lambda: os.listdir(base + "/missing"), lambda: os.chdir(base + "/x"),
             lambda: os.rename(base + "/x", base + "/y")]:
    try:
        call()
        print("no error")
    except OSError as e:
        print(type(e).__name__, e.errno, errno.errorcode[e.errno], e.args[0] == e.errno)
os.rmdir(base)
print(base in os.listdir())

print(os.getenv("KRAIT_NO_SUCH_VAR"), os.getenv("KRAIT_NO_SUCH_VAR", "dflt"), type(os.getenv("PATH")).__name__)
print(type(os.environ).__name__ in ("dict", "_Environ"), os.environ.get("PATH") == os.getenv("PATH"))

for n in [0, 1, 16, 100]:
    r = os.urandom(n)
    print(type(r).__name__, len(r))
print(len(set(os.urandom(16) for _ in range(10))))
try:
    os.urandom(-1)
except ValueError:
    print("ValueError")
for bad in [None, 1.5]:
    try:
        os.stat(bad)
    except TypeError:
        print("TypeError")
