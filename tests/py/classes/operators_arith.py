# Arithmetic special methods, their reflected forms, and NotImplemented.

class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"

    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(self.x + o.x, self.y + o.y)
        if isinstance(o, (int, float)):
            return Vec(self.x + o, self.y + o)
        return NotImplemented

    def __radd__(self, o):
        print("  __radd__ with", o)
        return self.__add__(o)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y) if isinstance(o, Vec) else NotImplemented

    def __rsub__(self, o):
        return Vec(o - self.x, o - self.y)

    def __mul__(self, k):
        if isinstance(k, Vec):
            return self.x * k.x + self.y * k.y
        return Vec(self.x * k, self.y * k)

    def __rmul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)

    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)

    def __rtruediv__(self, k):
        return Vec(k / self.x, k / self.y)

    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)

    def __pow__(self, k):
        return Vec(self.x ** k, self.y ** k)

    def __rpow__(self, base):
        return Vec(base ** self.x, base ** self.y)

    def __matmul__(self, o):
        return self.x * o.y - self.y * o.x

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __pos__(self):
        return Vec(+self.x, +self.y)

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __invert__(self):
        return Vec(self.y, self.x)

a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a - b, a * 3, a * b, b / 2, b // 2, b % 2, a ** 2)
print(a + 1, 1 + a)
print(10 - a, 3 * a, 12 / b, 2 ** a)
print(-a, +a, abs(b), ~a)
print(a @ b)
print(sum([a, b, Vec(10, 10)]))

# NotImplemented from both sides gives TypeError
try:
    a + "s"
except TypeError:
    print("TypeError a + str")
try:
    "s" + a
except TypeError:
    print("TypeError str + a")
try:
    a - 1
except TypeError:
    print("TypeError a - 1")

# the reflected method of a subclass wins over the base's normal method
class Base:
    def __add__(self, o):
        return "Base.__add__"

    def __radd__(self, o):
        return "Base.__radd__"

class Sub(Base):
    def __radd__(self, o):
        return "Sub.__radd__"

print(Base() + Sub(), Sub() + Base(), Base() + Base())

# bitwise and shift operators
class Bits:
    def __init__(self, v):
        self.v = v

    def __and__(self, o):
        return Bits(self.v & int(o))

    def __or__(self, o):
        return Bits(self.v | int(o))

    def __xor__(self, o):
        return Bits(self.v ^ int(o))

    def __lshift__(self, n):
        return Bits(self.v << n)

    def __rshift__(self, n):
        return Bits(self.v >> n)

    def __rand__(self, o):
        return Bits(o & self.v)

    def __ror__(self, o):
        return Bits(o | self.v)

    def __rlshift__(self, o):
        return Bits(o << self.v)

    def __int__(self):
        return self.v

    def __index__(self):
        return self.v

    def __repr__(self):
        return f"Bits({bin(self.v)})"

x = Bits(0b1100)
print(x & 0b1010, x | 1, x ^ x, x << 2, x >> 2, 0b0110 & x, 1 | x, 1 << Bits(3))
print(int(x), bin(x), hex(x), [10, 20, 30][Bits(1)])

# divmod via __divmod__ and __rdivmod__
class D:
    def __divmod__(self, o):
        return ("divmod", o)

    def __rdivmod__(self, o):
        return ("rdivmod", o)

print(divmod(D(), 3), divmod(3, D()))
