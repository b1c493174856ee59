# __getattribute__ defined in Python decides every attribute read of its
# instances (attribute syntax, getattr, hasattr, method calls); __getattr__
# answers only the AttributeErrors it raises; object.__getattribute__ and
# super().__getattribute__ give the generic lookup.
class Logged:
    def __init__(self):
        self.x = 1

    def __getattribute__(self, name):
        print("get", name)
        return object.__getattribute__(self, name)

    def method(self):
        return "method result"


o = Logged()
print(o.x)
print(getattr(o, "x"), hasattr(o, "nope"))
print(o.method())
for i in range(3):
    o.x += i
print(o.x)


class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)

    def __getattribute__(self, name):
        if name.startswith("_"):
            return super().__getattribute__(name)
        return getattr(super().__getattribute__("_target"), name)


p = Proxy([3, 1, 2])
p.append(0)
p.sort()
print(p._target, p.count(1))


class WithFallback:
    def __getattribute__(self, name):
        if name == "boom":
            raise ValueError("not an AttributeError")
        if name == "known":
            return 42
        raise AttributeError(name)

    def __getattr__(self, name):
        return "fallback " + name


w = WithFallback()
print(w.known, w.other, getattr(w, "zzz"))
try:
    w.boom
except ValueError as e:
    print("ValueError", e)


class NoFallback:
    def __getattribute__(self, name):
        raise AttributeError("custom message for " + name)


try:
    NoFallback().a
except AttributeError as e:
    print("AttributeError", e)
print(hasattr(NoFallback(), "a"), getattr(NoFallback(), "a", "default"))


class Sub(Logged):
    pass


s = Sub()
print(s.x)
Logged.__getattribute__ = lambda self, name: "patched " + name
print(s.x, o.anything)
del Logged.__getattribute__
print(s.x)
