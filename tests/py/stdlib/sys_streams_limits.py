# sys: the standard streams and their byte buffers, recursion limits, getsizeof, intern,
# platform and implementation.version.
import sys

# stdout and its buffer share one output; stderr goes to the same pipe in the harness.
sys.stdout.write("text via sys.stdout\n")
n = sys.stdout.buffer.write(b"bytes via sys.stdout.buffer\n")
print("buffer.write returned", n)
sys.stdout.flush()
sys.stderr.write("text via sys.stderr\n")
sys.stderr.buffer.write(b"bytes via sys.stderr.buffer\n")
sys.stderr.flush()
print("stdout fileno", sys.stdout.fileno(), "stderr fileno", sys.stderr.fileno())
sys.stdout.writelines(["writelines one\n", "writelines two\n"])
sys.stdout.writelines(iter(()))
print("closed", sys.stdout.closed, sys.stderr.closed, sys.stdin.closed)
print("encoding", sys.stdout.encoding.lower().replace("-", ""), sys.stdin.encoding.lower().replace("-", ""))

# stdin is closed (null) under the test runner: reads give empty results.
print("stdin fileno", sys.stdin.fileno())
print("stdin read", repr(sys.stdin.read()))
print("stdin readline", repr(sys.stdin.readline()))
print("stdin.buffer read", repr(sys.stdin.buffer.read()))
print("stdin isatty", sys.stdin.isatty())
print("stdout isatty", sys.stdout.isatty())
print(type(sys.stdin.buffer.read()).__name__, type(sys.stdin.read()).__name__)

# recursion limit: set, read back, and it bounds recursion
old = sys.getrecursionlimit()
print("limit is an int", type(old).__name__, old >= 100)
sys.setrecursionlimit(500)
print("limit", sys.getrecursionlimit())


def depth(n):
    return depth(n + 1)


try:
    depth(0)
except RecursionError:
    print("RecursionError")
sys.setrecursionlimit(old)
print("restored", sys.getrecursionlimit() == old)
try:
    sys.setrecursionlimit(0)
except ValueError:
    print("ValueError for 0")

# getsizeof: a positive int that grows with the object
print(sys.getsizeof(1) > 0, sys.getsizeof([]) > 0)
print(sys.getsizeof(b"x" * 10000) > sys.getsizeof(b"x"))
print(sys.getsizeof(list(range(1000))) > sys.getsizeof([]))

# intern: equal strings become the same object
a = sys.intern("".join(["inter", "ned"]))
b = sys.intern("interned")
print(a, a == b, a is b)
try:
    sys.intern(1)
except TypeError:
    print("TypeError for non-str")

print("platform", sys.platform)
v = sys.implementation.version
print(isinstance(v, tuple), len(v) >= 3, all(type(x) is int for x in v[:3]))
