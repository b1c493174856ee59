# sys: argv, path, modules, byteorder, maxsize, implementation name, stdout writes.

import sys

print(sys.argv, type(sys.argv).__name__)
print(sys.argv[0].endswith("sys_basics.py"))
print(type(sys.path).__name__, all(isinstance(p, str) for p in sys.path))
print(type(sys.modules).__name__)
print(sys.byteorder in ("little", "big"), sys.maxsize >= 2 ** 31 - 1, sys.maxsize + 1 > sys.maxsize)
print(sys.implementation.name in ("cpython", "micropython", "krait"), type(sys.version_info[0]).__name__, sys.version_info[0])
print(isinstance(sys.version, str), len(sys.version) > 0)

# sys.stdout and sys.stderr are writable streams
n = sys.stdout.write("written to stdout\n")
print(n)
sys.stdout.write("no newline, ")
sys.stdout.write("then newline\n")

# sys.exc_info inside a handler
try:
    raise KeyError("k")
except KeyError:
    info = sys.exc_info()
    print(info[0].__name__, type(info[1]).__name__, info[1].args)

# print to a file argument
print("to stdout via file=", file=sys.stdout)

# sys.maxsize is the largest index-sized int; arithmetic past it promotes to a big int
big = sys.maxsize
print(big + 1 > big, (big + 1) - 1 == big, type(big * 2).__name__)

# writing many small pieces to stdout keeps them in order
for i in range(3):
    sys.stdout.write(str(i))
sys.stdout.write("\n")

# sys.stdout.write requires a str
try:
    sys.stdout.write(b"bytes")
except TypeError:
    print("TypeError writing bytes to sys.stdout")

# print's file argument can be any object with a write method
class Collector:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

c = Collector()
print("a", "b", sep="-", file=c)
print("c", end="!", file=c)
print("".join(c.parts).split("\n"), all(isinstance(p, str) for p in c.parts))
