# isinstance and issubclass with classes, builtins, tuples, and inheritance.

class Shape: pass
class Circle(Shape): pass
class Square(Shape): pass
class Unit(Square): pass

shapes = [Shape(), Circle(), Square(), Unit()]
for s in shapes:
    print(type(s).__name__, isinstance(s, Shape), isinstance(s, Square), isinstance(s, (Circle, Unit)))

print(issubclass(Unit, Square), issubclass(Unit, Shape), issubclass(Square, Unit), issubclass(Circle, (Square, Shape)))
print(issubclass(Shape, Shape), issubclass(Shape, object), issubclass(object, Shape))

# builtin types
values = [1, 1.5, "s", b"b", [1], (1,), {1: 1}, {1}, None, True, range(2), 2 ** 80]
for v in values:
    print(repr(v), [t.__name__ for t in (int, float, str, bytes, list, tuple, dict, set, bool, object) if isinstance(v, t)])

print(isinstance(True, int), isinstance(1, bool), issubclass(bool, int), issubclass(int, object))
print(isinstance(None, type(None)), isinstance(int, type), isinstance(Shape, type), isinstance(type, type))
print(isinstance([], (int, (str, list))))

# exceptions hierarchy
print(isinstance(KeyError(), LookupError), issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, IndexError))

# second argument must be a class or tuple of classes
try:
    isinstance(1, 1)
except TypeError:
    print("TypeError isinstance")
try:
    issubclass(1, int)
except TypeError:
    print("TypeError issubclass")

# type() vs isinstance() with subclasses
u = Unit()
print(type(u) is Square, isinstance(u, Square), type(u) == Unit)

# dispatch on type
def describe(x):
    if isinstance(x, bool):
        return "bool"
    if isinstance(x, int):
        return "int"
    if isinstance(x, (list, tuple)):
        return "sequence of %d" % len(x)
    if isinstance(x, Shape):
        return "shape " + type(x).__name__
    return "other"

print([describe(x) for x in [True, 5, [1, 2], (), Circle(), "s"]])

# subclasses of builtins
class MyList(list): pass
class MyDict(dict): pass
ml, md = MyList(), MyDict()
print(isinstance(ml, list), isinstance(md, dict), issubclass(MyList, list), type(ml) is list)
