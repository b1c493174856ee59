# Assorted builtins: bin/hex/oct, chr/ord, type, callable, getattr family, dir, isinstance, id, repr.

print(bin(10), bin(-10), bin(0), oct(64), oct(-8), hex(255), hex(-255), hex(0), hex(2 ** 64))
try:
    hex(1.5)
except TypeError:
    print("TypeError hex float")

print(type(1).__name__, type("").__name__, type([]).__name__, type(type).__name__, type(None).__name__, type(print).__name__ in ("builtin_function_or_method", "function"))
print(type(1) is int, type(True) is bool, type(1.0)(3), type("x")(5), type([])("ab"))

# type(name, bases, dict) creates a class
Point = type("Point", (), {"x": 0, "norm": lambda self: abs(self.x)})
p = Point()
p.x = -3
print(Point.__name__, p.norm(), isinstance(p, Point))
Sub = type("Sub", (Point,), {})
print(issubclass(Sub, Point), Sub().x)

# callable
print(callable(len), callable(Point), callable(p), callable(p.norm), callable(None), callable("s"))

# id is stable for an object's lifetime and differs between live objects
a, b = [1], [1]
print(id(a) == id(a), id(a) != id(b), isinstance(id(a), int))

# dir lists attributes including methods
class Thing:
    cls_attr = 1

    def method(self):
        pass

t = Thing()
t.inst = 2
names = dir(t)
print("cls_attr" in names, "method" in names, "inst" in names, names == sorted(names))
print("append" in dir([]), "keys" in dir({}), "upper" in dir(""))

# repr round trips for builtin literals
for v in [1, -2.5, "a'b", b"\x00", [1, (2, "3")], {"k": None}, (1,), True, None]:
    print(repr(v), eval(repr(v)) == v)

# abs on user classes and bool
class Neg:
    def __abs__(self):
        return "abs called"

print(abs(Neg()), abs(True), abs(-0.0))

# divmod and pow with mixed types
print(divmod(7, 2.0), divmod(-7.5, 2), pow(2, 0.5), pow(4, -1), pow(2, -2))

# round with ndigits
print(round(1.23456, 3), round(1234.5, -1), round(-1.5), round(2.5), round(0.125, 2), round(5, 2), type(round(5.5)).__name__)

# print() keyword arguments
print("a", "b", sep="")
print("no newline", end="|")
print()
print(*range(3), sep=", ", end=".\n")
print()
print("", end="")
print(sep="-")
