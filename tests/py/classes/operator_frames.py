# Operators on instances of Python classes: the interpreter runs the class's
# method as a frame of its own loop. Everything around the call must be as if
# the method were called from Rust: NotImplemented handing over to the
# reflected method, subclasses' reflected methods first, in-place fallbacks,
# exceptions and their tracebacks, deep recursion through operators.
import sys


class V:
    def __init__(self, x):
        self.x = x

    def __add__(self, o):
        if isinstance(o, V):
            return V(self.x + o.x)
        if isinstance(o, int):
            return V(self.x + o)
        return NotImplemented

    def __radd__(self, o):
        return V(o + self.x) if isinstance(o, int) else NotImplemented

    def __sub__(self, o):
        return V(self.x - o.x)

    def __mul__(self, k):
        return V(self.x * k)

    __rmul__ = __mul__

    def __neg__(self):
        return V(-self.x)

    def __pos__(self):
        return "pos"

    def __invert__(self):
        return NotImplemented

    def __eq__(self, o):
        return isinstance(o, V) and self.x == o.x

    def __lt__(self, o):
        return self.x < o.x if isinstance(o, V) else NotImplemented

    def __hash__(self):
        return self.x

    def __repr__(self):
        return "V(%r)" % self.x

    def __truediv__(self, o):
        raise ZeroDivisionError("custom")

    def __iadd__(self, o):
        self.x += 100
        return self

    def __and__(self, o, extra=10):
        return self.x + o + extra


class W(V):
    def __radd__(self, o):
        return "W.radd"

    def __gt__(self, o):
        return "W.gt"


class Other:
    def __radd__(self, o):
        return "Other.radd"

    def __gt__(self, o):
        return "Other.gt"

    def __eq__(self, o):
        return "Other.eq"


a, b = V(1), V(2)
print(a + b, a + 5, 5 + a, a - b, a * 3, 3 * a, -a, +a, ~a, a & 1)
print(a == b, a == V(1), a != b, a != V(1), a < b, b < a)
print(a + W(3), a + Other(), a < Other(), a == Other(), Other() == a)
for bad in ("s", None, 2.5j):
    try:
        a + bad
    except TypeError:
        print("TypeError for", type(bad).__name__)
try:
    a < 3
except TypeError:
    print("TypeError for <")
try:
    a / b
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

c = V(1)
d = c
c += 1
print(c, d, c is d)


class NoInplace:
    def __init__(self, x):
        self.x = x

    def __add__(self, o):
        return NoInplace(self.x + o)

    def __repr__(self):
        return "NoInplace(%d)" % self.x


n = NoInplace(1)
m = n
n += 5
print(n, m, n is m)


class DeclinesInplace(NoInplace):
    def __iadd__(self, o):
        return NotImplemented


k = DeclinesInplace(1)
k += 2
print(k, type(k).__name__)


class Chain:
    def __init__(self, n):
        self.n = n

    def __add__(self, o):
        if self.n == 0:
            return o
        return Chain(self.n - 1) + (o + 1)


print(Chain(300) + 0)


class Forever:
    def __add__(self, o):
        return self + o


try:
    Forever() + 1
except (RuntimeError, RecursionError):
    print("recursion limit reached")


class GenOp:
    def __add__(self, o):
        yield o
        yield o * 2


print(list(GenOp() + 7))


class EqDeclines:
    def __eq__(self, o):
        return NotImplemented


e = EqDeclines()
print(e == e, e == 1, e != e, 1 == e)


class Raises:
    def __sub__(self, o):
        raise ValueError("from __sub__")


def use():
    try:
        return Raises() - 1
    except ValueError as exc:
        return "caught " + str(exc) + " in " + ("use" if sys.exc_info()[0] is ValueError else "?")


print(use())


class Counted:
    calls = 0

    def __lt__(self, o):
        Counted.calls += 1
        return id(self) < id(o)


items = [Counted() for _ in range(50)]
print(sorted(items) == sorted(items, key=id), Counted.calls > 0)
print(max(V(3), V(9), V(1)), min([V(4), V(2)]))
total = V(0)
for i in range(1000):
    total = total + V(i)
    total += 0
print(total)
