# Assorted special-method protocols.

# __eq__ without __hash__ makes a class unhashable (its __hash__ is None),
# even when a base defines __hash__.
class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, o):
        return isinstance(o, Key) and self.k == o.k
    def __hash__(self):
        return hash(self.k)

class EqOnly(Key):
    def __eq__(self, o):
        return super().__eq__(o)

class EqAndHash(Key):
    def __eq__(self, o):
        return super().__eq__(o)
    __hash__ = Key.__hash__

class Inherits(Key):
    pass

print(len({Key(1), Key(1), Key(2)}))
print(EqOnly.__hash__ is None, Key.__hash__ is None)
for cls in (EqOnly, EqAndHash, Inherits):
    try:
        print(cls.__name__, len({cls(1), cls(1)}))
    except TypeError:
        print(cls.__name__, "unhashable")

class Plain:
    pass
p1 = Plain()
print(Plain.__hash__ is None, hash(p1) == hash(p1))

# pow() with three arguments calls __pow__(exp, mod).
class ModNum:
    def __init__(self, v):
        self.v = v
    def __pow__(self, e, mod=None):
        return ModNum(pow(self.v, e, mod))
    def __repr__(self):
        return f"ModNum({self.v})"
print(pow(ModNum(3), 4, 5), pow(ModNum(3), 4), ModNum(2) ** 10)
try:
    pow(ModNum(1), 2.0, 3.0) if False else pow(1.0, 2, 3)
except TypeError:
    print("TypeError: float pow with modulus")

# Sequences repeat by an object with __index__.
class Three:
    def __index__(self):
        return 3
print([0] * Three(), Three() * "ab", (1,) * Three(), b"x" * Three())
print([1, 2, 3, 4][Three()], list(range(Three())), "abcdef"[Three():])

# Every callable has __call__.
class WithCall:
    def __call__(self, x):
        return x * 2
    def meth(self):
        return "m"
def func(a):
    return a + 1
for obj in (func, len, WithCall, WithCall(), WithCall().meth, lambda: 0, int, 3, "s"):
    print(hasattr(obj, "__call__"), callable(obj))
print(func.__call__(1), len.__call__([1, 2]), WithCall().__call__(4), WithCall().meth.__call__())

# __bool__ wins over __len__.
class BoolFirst:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
print(bool(BoolFirst()), len(BoolFirst()))

# A subclass of property works as a descriptor.
class LoudProperty(property):
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        print("get", self.fget.__name__)
        return super().__get__(obj, objtype)

class Thing:
    @LoudProperty
    def size(self):
        return 42
print(Thing().size, type(Thing.__dict__["size"]).__name__)

# property.__delete__ calls the deleter; without one it's an AttributeError.
class Box:
    def __init__(self):
        self._v = 1
    def _get(self):
        return self._v
    def _del(self):
        print("deleting")
        del self._v
    v = property(_get, None, _del)
    w = property(_get)
b = Box()
del b.v
print(hasattr(b, "_v"))
try:
    del b.w
except AttributeError:
    print("can't delete w")
Box.v.__delete__(Box()) if hasattr(Box.v, "__delete__") else None
