# __new__ versus __init__: allocation, singletons, immutable subclasses, and call order.

class Traced:
    def __new__(cls, *args):
        print("__new__", cls.__name__, args)
        obj = super().__new__(cls)
        return obj

    def __init__(self, *args):
        print("__init__", args)
        self.args = args

t = Traced(1, 2)
print(t.args)

# singleton via __new__
class Singleton:
    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
            cls._instance.created = 0
        return cls._instance

    def __init__(self):
        self.created += 1

s1 = Singleton()
s2 = Singleton()
print(s1 is s2, s1.created)

# __init__ is not called if __new__ returns an object of another class
class Other:
    pass

class Factory:
    def __new__(cls, kind):
        if kind == "other":
            return Other()
        return super().__new__(cls)

    def __init__(self, kind):
        print("Factory.__init__ called with", kind)
        self.kind = kind

f1 = Factory("self")
f2 = Factory("other")
print(type(f1).__name__, type(f2).__name__, hasattr(f2, "kind"))

# __init__ must return None
class BadInit:
    def __init__(self):
        return 5

try:
    BadInit()
except TypeError:
    print("TypeError __init__ returned non-None")

# an instance created with __new__ alone has no __init__ attributes
class Lazy:
    def __init__(self):
        self.ready = True

raw = object.__new__(Lazy)
print(hasattr(raw, "ready"), type(raw).__name__)
raw.__init__()
print(raw.ready)

# object.__new__ rejects extra arguments when __init__ is not overridden
class Plain:
    pass

try:
    Plain(1)
except TypeError:
    print("TypeError Plain(1)")
