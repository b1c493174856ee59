# Subclasses of built-in types reaching the base type's operators through
# super(), and the operators called as plain methods.
class Money(int):
    def __add__(self, o):
        return Money(super().__add__(o))
    __radd__ = __add__
    def __sub__(self, o):
        return Money(super().__sub__(o))
    def __mul__(self, o):
        r = super().__mul__(o)
        return r if r is NotImplemented else Money(r)
    def __neg__(self):
        return Money(super().__neg__())
    def __repr__(self):
        return f"Money({int(self)})"

m = Money(10)
print(m + 5, 5 + m, m - 3, m * 2, -m, sum([Money(1), Money(2)], Money(0)))
print(m.__mul__("x"), m * 1.5, abs(Money(-3)), int(m), float(m))

class Celsius(float):
    def __add__(self, o):
        return Celsius(super().__add__(o))
    def __truediv__(self, o):
        return Celsius(super().__truediv__(o))
    def __str__(self):
        return f"{float(self):.1f}C"
print(Celsius(20.5) + 1, Celsius(9) / 2, Celsius(1.0).__floordiv__(0.3))

class Flags(int):
    def __or__(self, o):
        return Flags(super().__or__(o))
    def __and__(self, o):
        return Flags(super().__and__(o))
    def __invert__(self):
        return Flags(super().__invert__() & 0xff)
    def __repr__(self):
        return f"Flags({int(self):#04x})"
print(Flags(1) | 4, Flags(7) & 2, ~Flags(1), Flags(3).__lshift__(2), int.__or__(1, 1.5))

class Shout(str):
    def __add__(self, o):
        return Shout(super().__add__(o).upper())
    def __mul__(self, n):
        return Shout(super().__mul__(n) + "!")
    def __mod__(self, args):
        return Shout(super().__mod__(args))
print(Shout("ab") + "cd", Shout("x") * 3, Shout("%d-%s") % (1, "z"), type(Shout("q") % ()).__name__)

class Stack(list):
    def __add__(self, o):
        return Stack(super().__add__(o))
    def __getitem__(self, i):
        return super().__getitem__(i) * 10
print(type(Stack([1]) + [4]).__name__, Stack([1, 2])[1], 3 * Stack([0]), Stack([5]).__rmul__(2))

# The operators as plain (unbound and bound) methods.
print(int.__add__(1, 2), (5).__neg__(), (2).__pow__(10), (1.5).__add__(1), (7).__rsub__(10))
print(int.__add__(1, 2.5), float.__radd__(1.5, 2), (10).__floordiv__(3), (10).__mod__(3), (-7).__abs__())
print((3).__index__(), (3).__int__(), (3.7).__int__(), (0).__bool__(), (2.5).__bool__(), (5).__float__())
print(list(map(int.__mul__, [1, 2, 3], [4, 5, 6])), [1, 2].__add__([3]), "ab".__mul__(2), "a%s".__mod__("b"))
try:
    (1).__truediv__(0)
except ZeroDivisionError:
    print("ZeroDivisionError")
