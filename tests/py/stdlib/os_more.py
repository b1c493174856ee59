# os: names of the path conventions, lstat, unlink, system and uname, in a fresh directory
# that the test removes.
import os

print(os.name, repr(os.curdir), repr(os.pardir), repr(os.linesep), repr(os.sep))

base = "_os_more_tmp"
os.mkdir(base)
try:
    path = base + os.sep + "f.txt"
    with open(path, "w") as f:
        f.write("hello")
    st = os.lstat(path)
    print("lstat size", st[6], "regular", st[0] & 0o170000 == 0o100000)
    print("lstat equals stat for a file", st[6] == os.stat(path)[6], st[1] == os.stat(path)[1])
    print(sorted(os.listdir(base)))
    # a symbolic link: lstat describes the link, stat what it points to
    os.system("ln -s f.txt " + base + "/link")
    print("link: lstat is a link", os.lstat(base + "/link")[0] & 0o170000 == 0o120000)
    print("link: stat is the file", os.stat(base + "/link")[0] & 0o170000 == 0o100000, os.stat(base + "/link")[6])
    os.unlink(base + "/link")
    print(os.listdir(base + os.sep + os.curdir) == os.listdir(base))
    print(sorted(os.listdir(base + os.sep + os.pardir)) == sorted(os.listdir(os.curdir)))
    os.unlink(path)
    print("after unlink", os.listdir(base))
    try:
        os.unlink(path)
    except OSError as e:
        print("OSError", e.errno == 2)
    try:
        os.lstat(path)
    except OSError as e:
        print("OSError", e.errno == 2)

    # system: runs a shell command, returns the wait status
    print("system true", os.system("true"))
    print("system exit 3", os.system("exit 3"), os.system("exit 3") >> 8)
    os.system("echo from-shell > " + base + "/out.txt")
    with open(base + "/out.txt") as f:
        print(repr(f.read()))
    os.remove(base + "/out.txt")
finally:
    os.rmdir(base)
print(os.path.exists(base) if hasattr(os, "path") else False)

u = os.uname()
print(len(u), u[0] == u.sysname, u.sysname)
print(all(type(x) is str for x in u))
print(u.machine == u[4], u.nodename == u[1], u.release == u[2], u.version == u[3])
