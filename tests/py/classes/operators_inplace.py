# In-place operator methods (__iadd__ etc.) and the fallback to binary operators.

class Bag:
    def __init__(self, items=()):
        self.items = list(items)

    def __iadd__(self, other):
        print("  __iadd__")
        self.items.extend(other)
        return self

    def __add__(self, other):
        print("  __add__")
        return Bag(self.items + list(other))

    def __isub__(self, other):
        for x in other:
            if x in self.items:
                self.items.remove(x)
        return self

    def __imul__(self, n):
        self.items = self.items * n
        return self

    def __repr__(self):
        return f"Bag({self.items})"

b = Bag([1])
alias = b
b += [2, 3]
print(b, alias is b)
c = b + [4]
print(c, c is b)
b -= [1, 9]
print(b)
b *= 2
print(b, alias is b)

# without __iadd__, += uses __add__ and rebinds
class Immutable:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return Immutable(self.v + o)

    def __repr__(self):
        return f"Immutable({self.v})"

x = Immutable(1)
keep = x
x += 5
print(x, keep, x is keep)

# __iadd__ returning NotImplemented falls back to __add__
class Fallback:
    def __init__(self, v):
        self.v = v

    def __iadd__(self, o):
        return NotImplemented

    def __add__(self, o):
        return Fallback(self.v + o)

fb = Fallback(1)
fb += 1
print(fb.v)

# the value returned by __iadd__ is what gets bound
class Weird:
    def __iadd__(self, o):
        return "replaced"

w = Weird()
w += 1
print(w)

# in-place ops on attributes and items call the method on the stored object
class Holder:
    def __init__(self):
        self.bag = Bag()

h = Holder()
h.bag += ["x"]
lst = [Bag()]
lst[0] += ["y"]
print(h.bag, lst)

# every in-place operator
class All:
    def __init__(self):
        self.log = []

    def _rec(name):
        def m(self, o):
            self.log.append(name)
            return self
        return m

    __iadd__ = _rec("iadd")
    __isub__ = _rec("isub")
    __imul__ = _rec("imul")
    __itruediv__ = _rec("itruediv")
    __ifloordiv__ = _rec("ifloordiv")
    __imod__ = _rec("imod")
    __ipow__ = _rec("ipow")
    __ilshift__ = _rec("ilshift")
    __irshift__ = _rec("irshift")
    __iand__ = _rec("iand")
    __ior__ = _rec("ior")
    __ixor__ = _rec("ixor")

a = All()
a += 1; a -= 1; a *= 1; a /= 1; a //= 1; a %= 1
a **= 1; a <<= 1; a >>= 1; a &= 1; a |= 1; a ^= 1
print(a.log)

# no in-place or binary method: TypeError
class Nothing:
    pass

n = Nothing()
try:
    n += 1
except TypeError:
    print("TypeError +=")
