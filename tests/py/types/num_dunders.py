# The arithmetic special methods of int and float as attributes: called directly,
# through super() in subclasses, and NotImplemented for foreign operands.
import math


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__)


class M(int):
    def __add__(self, o):
        return M(super().__add__(o))

    def __repr__(self):
        return "M(%d)" % int(self)


class F(float):
    def __add__(self, o):
        return F(super().__add__(o))

    def __radd__(self, o):
        return F(super().__radd__(o))


class Money(float):
    def __format__(self, spec):
        return "$" + super().__format__(spec or ",.2f")


class Tag(str):
    def __format__(self, spec):
        return "<" + super().__format__(spec) + ">"


a = M(7)
print(a + 1, a - 1, -a, +a, ~a, abs(M(-3)), a // 2, a % 3, divmod(a, 2), pow(a, 2), pow(a, 2, 5), a**2)
print(a << 1, a & 3, a | 8, a ^ 1, round(a), round(a, -1), math.floor(a), math.ceil(a), math.trunc(a))
print(type(a - 1).__name__, type(-a).__name__, type(abs(a)).__name__, type(round(a)).__name__)
f = F(1.5)
print(f + 1, 1 + f, type(f + 1).__name__, type(1 + f).__name__, f * 2, -f, abs(F(-2.5)), round(f))
print(round(F(2.567), 2), math.floor(f), math.ceil(f), divmod(f, 1))
print(f"{Money(1234.5)} {Money(2):.1f} {Tag('x'):>4}", format(Money(3)), "{:}".format(Tag("t")))
t(lambda: int.__add__(1, 2))
t(lambda: int.__add__(1, 2.0))
t(lambda: int.__add__(1, "a"))
t(lambda: float.__add__(1.0, 2))
t(lambda: float.__radd__(1.0, 2))
t(lambda: float.__mul__(1.5, "a"))
t(lambda: int.__sub__(5, True))
t(lambda: int.__truediv__(7, 2))
t(lambda: float.__floordiv__(7.0, 2))
t(lambda: (7).__rsub__(10))
t(lambda: (7).__rfloordiv__(50))
t(lambda: (7).__rmod__(50))
t(lambda: (2).__pow__(10, 1000))
t(lambda: (3).__rpow__(2))
t(lambda: (1.5).__pow__(2))
t(lambda: (2).__pow__(2.0))
t(lambda: (5).__divmod__(3))
t(lambda: (5.0).__rdivmod__(17))
t(lambda: (5).__divmod__(0))
t(lambda: (0).__bool__())
t(lambda: (0.5).__bool__())
t(lambda: (-3).__abs__())
t(lambda: (-(2**70)).__abs__())
t(lambda: (-2.5).__abs__())
t(lambda: (2.5).__round__())
t(lambda: (2.567).__round__(1))
t(lambda: (17).__round__(-1))
t(lambda: (3.7).__floor__())
t(lambda: (3.2).__ceil__())
t(lambda: (-3.5).__trunc__())
t(lambda: (5).__trunc__())
t(lambda: (5).__neg__())
t(lambda: (5).__pos__())
t(lambda: (5).__invert__())
t(lambda: True.__add__(1))
t(lambda: True.__and__(False))
t(lambda: (3).__and__(1.0))
t(lambda: (3).__lshift__(2))
t(lambda: (3).__rlshift__(2))
t(lambda: (3).__rrshift__(64))
t(lambda: (6).__xor__(3))
t(lambda: (6).__ror__(1))
t(lambda: (5).__format__("03"))
t(lambda: (1.5).__format__(".3f"))
t(lambda: "x".__format__(">3"))
t(lambda: True.__format__(""))
t(lambda: int.__format__(5, 1))
t(lambda: [1].__iadd__([2]))
t(lambda: [1].__imul__(3))
t(lambda: bytearray(b"a").__iadd__(b"b"))
t(lambda: bytearray(b"ab").__imul__(2))
t(lambda: [].__iadd__(5))
print(sum([M(1), M(2)]), sorted([M(3), M(1)]), max(M(3), 2), M(3) == 3, hash(M(3)) == hash(3), {M(1): "x"}[1])
