# __getattr__, __setattr__, __delattr__, and getattr/setattr/hasattr/delattr builtins.

class Defaulting:
    def __init__(self):
        self.real = "real value"

    def __getattr__(self, name):
        # only called when normal lookup fails
        if name.startswith("x_"):
            return "synthesized " + name
        raise AttributeError(name)

d = Defaulting()
print(d.real, d.x_foo, getattr(d, "x_bar"), hasattr(d, "x_y"), hasattr(d, "other"))
try:
    d.other
except AttributeError:
    print("AttributeError other")
print(getattr(d, "other", "fallback"))

# __setattr__ intercepts every assignment
class Validated:
    def __setattr__(self, name, value):
        if name == "age" and value < 0:
            raise ValueError("negative age")
        print("  set", name, value)
        object.__setattr__(self, name, value)

v = Validated()
v.age = 5
v.name = "x"
try:
    v.age = -1
except ValueError:
    print("ValueError")
print(v.age, v.name)
setattr(v, "age", 7)
print(v.age)

# __delattr__
class Guarded:
    def __init__(self):
        self.keep = 1
        self.temp = 2

    def __delattr__(self, name):
        if name == "keep":
            raise AttributeError("cannot delete keep")
        object.__delattr__(self, name)

g = Guarded()
del g.temp
print(hasattr(g, "temp"))
try:
    del g.keep
except AttributeError:
    print("AttributeError keep")
print(g.keep)

# a proxy forwarding to a wrapped object
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_log", [])

    def __getattr__(self, name):
        self._log.append(name)
        return getattr(self._target, name)

    def __setattr__(self, name, value):
        setattr(self._target, name, value)

class Target:
    def __init__(self):
        self.value = 10

    def double(self):
        return self.value * 2

t = Target()
p = Proxy(t)
print(p.value, p.double())
p.value = 21
print(t.value, p.double(), p._log)

# builtins with dynamic names
class Bag:
    pass

b = Bag()
for i, name in enumerate(["alpha", "beta", "gamma"]):
    setattr(b, name, i)
print([getattr(b, n) for n in ["alpha", "beta", "gamma"]], sorted(b.__dict__))
delattr(b, "beta")
print(hasattr(b, "beta"), getattr(b, "beta", None))
try:
    delattr(b, "beta")
except AttributeError:
    print("AttributeError delattr")
try:
    getattr(b, "beta")
except AttributeError:
    print("AttributeError getattr")

# getattr on classes and modules
import math
print(getattr(math, "pi") == math.pi, getattr(Bag, "__name__"), hasattr(math, "nope"))

# attribute names must be strings
try:
    getattr(b, 1)
except TypeError:
    print("TypeError getattr name")

# __getattr__ is not consulted for attributes that exist
class Shadow:
    x = "class x"

    def __getattr__(self, name):
        return "getattr " + name

s = Shadow()
print(s.x, s.y)
